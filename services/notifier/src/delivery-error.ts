// A failed delivery says whether trying again can help: timeouts, refused connections, HTTP 408,
// 429 and 5xx, SMTP 4xx are retriable; other HTTP 4xx, SMTP 5xx and refused targets are not.
import { EarshotError } from '@earshot/core';

export class DeliveryError extends EarshotError {
  constructor(message: string, options: { retriable: boolean; cause?: unknown }) {
    super(message, options);
    this.name = 'DeliveryError';
  }
}

export function isRetriableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}
