export const SHIPENGINE_BASE_URL = 'https://api.shipengine.com';

export const SERA_PRODUCTION_API = 'https://api.stampsendicia.com/sera';
export const SERA_STAGING_API = 'https://api.testing.stampsendicia.com/sera';
export const SERA_PRODUCTION_SIGNIN = 'https://signin.stampsendicia.com';
export const SERA_STAGING_SIGNIN = 'https://signin.testing.stampsendicia.com';
