// Runs before any module loads: n8n's own logger would print every node error the tests
// provoke on purpose; the tests assert on those errors instead.
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL || 'silent';
