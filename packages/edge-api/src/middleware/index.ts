/** The edge API's middleware, one concern each, in the order the app mounts them. */
export { cacheHeaders } from "./cache-headers.js";
export { type ClinicScopeOptions, clinicScope } from "./clinic-scope.js";
export { CORS_EXPOSE, clinicCors, originAllowed, pageAllowed } from "./cors.js";
export { CLIENT_ID, logPath, type RequestLogOptions, requestLine, requestLog } from "./request-log.js";
export { responseHeaders, SECURITY_HEADERS } from "./response-headers.js";
export { addressOf, type VisitorAddressOptions, visitorAddress } from "./visitor-address.js";
export { type VisitorLimitOptions, visitorLimit } from "./visitor-limit.js";
