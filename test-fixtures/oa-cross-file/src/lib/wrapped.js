const { mpRequest } = require('./http');

// A wrapper of the wrapper: adds a default header.
exports.postForm = function postForm(url, data) {
  return mpRequest({ url, data, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
};
