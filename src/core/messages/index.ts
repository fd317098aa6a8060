/**
 * The engine's messages: the catalogue (one file per domain, gathered in ./catalogue.ts)
 * and its renderer (./describe.ts).
 */
export { MESSAGES, type Lang, type MessageCode } from "./catalogue";
export { ERROR_MESSAGES, type ErrorCode } from "./errors";
export {
  describe,
  describeParam,
  formatMessage,
  ownerLabel,
  type Bilingual,
  type Decimal,
  type MessageList,
  type MessageParam,
  type MessageParams,
  type MessageRef,
} from "./describe";
