/** @coreplus-kit/core: signed coreplus requests, resource models and the typed client. */
export const VERSION = "0.1.0";
