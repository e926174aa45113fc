export * from "./core";
export * from "./events";
export * from "./read-models";
export * from "./rules";
export * from "./operations";
export * from "./admin";
export * from "./team";
export * from "./payouts";
