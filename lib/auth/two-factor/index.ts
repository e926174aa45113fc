// What other features use: the step-up dialog verifies a code, the pages ask whether 2FA is required.
export { verifySecondFactor } from "./verify";
export { mustEnrol, twoFactorRequired } from "./policy";
