// @earshot/api: the HTTP API, the live stream and the dashboard. See README.md.
export { createApi, type Api, type ApiOptions } from './create-api.js';
