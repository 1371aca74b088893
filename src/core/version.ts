/** The action's version. A test keeps it equal to package.json's. */
export const VERSION = '1.0.0';

/** Sent with every request the action makes: Armox, storage and GitHub alike. */
export const USER_AGENT = `armox-app-action/${VERSION}`;
