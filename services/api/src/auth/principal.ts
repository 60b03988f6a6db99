// Who is calling: the token's name (never the token itself), its role and its rate limit.
export type Role = 'read' | 'admin';

export interface Principal {
  name: string;
  role: Role;
  /** Requests per minute. */
  rateLimit: number;
}

export function mayAccess(principal: Principal, access: 'read' | 'admin'): boolean {
  return access === 'read' || principal.role === 'admin';
}
