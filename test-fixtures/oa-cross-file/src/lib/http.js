const axios = require('axios');

// The project's request helper: every tool posts through it.
function mpRequest(opts) {
  return axios({ method: 'post', url: opts.url, data: opts.data, headers: opts.headers });
}

// A GET helper for JSON endpoints.
function getJson(url) {
  return axios.get(url).then((response) => response.data);
}

module.exports = { mpRequest, getJson };
