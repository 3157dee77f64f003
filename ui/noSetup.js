module.exports = async () => undefined;
