/** An RFC 9457 problem document as the ArtMint API sends it, thrown by every failed API call. */
export interface FieldError {
  field: string;
  message: string;
}

export class ApiProblem extends Error {
  readonly status: number;
  /** The stable part of the type, e.g. `validation` for `urn:artmint:problem:validation`. */
  readonly kind: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors: FieldError[];
  /** Every other member of the document (amountNeededWei, refillsAt, ...). */
  readonly extensions: Record<string, unknown>;
  readonly retryAfterSeconds?: number;

  constructor(status: number, body: Record<string, unknown>, retryAfterSeconds?: number) {
    const title = typeof body.title === 'string' ? body.title : `HTTP ${status}`;
    super(typeof body.detail === 'string' ? body.detail : title);
    this.name = 'ApiProblem';
    this.status = status;
    const type = typeof body.type === 'string' ? body.type : '';
    this.kind = type.startsWith('urn:artmint:problem:') ? type.substring('urn:artmint:problem:'.length) : type || 'http';
    this.title = title;
    this.detail = typeof body.detail === 'string' ? body.detail : undefined;
    this.errors = Array.isArray(body.errors) ? (body.errors as FieldError[]) : [];
    const { type: _t, title: _ti, detail: _d, status: _s, instance: _i, errors: _e, ...rest } = body;
    this.extensions = rest;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The message the API gave for one field, if any. */
  fieldError(field: string): string | undefined {
    return this.errors.find((error) => error.field === field || error.field.endsWith('.' + field))?.message;
  }

  static async from(response: Response): Promise<ApiProblem> {
    let body: Record<string, unknown> = {};
    try {
      const text = await response.text();
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      body = {};
    }
    const retryAfter = response.headers.get('Retry-After');
    return new ApiProblem(response.status, body, retryAfter ? Number(retryAfter) : undefined);
  }

  /** A problem for a request that never reached the server. */
  static offline(cause: unknown): ApiProblem {
    return new ApiProblem(0, { type: 'urn:artmint:problem:offline', title: 'Network error', detail: String(cause) });
  }
}
