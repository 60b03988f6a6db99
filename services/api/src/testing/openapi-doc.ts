// Test support: reads an operation out of the served OpenAPI document, with its success response's
// JSON schema resolved from components (the document references every response schema by name).
export interface OpenApiOperation {
  operationId: string;
  /** The JSON schema of the success body, `$ref` resolved. */
  schema: { properties?: Record<string, unknown> } & Record<string, unknown>;
}

interface Doc {
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> }>>;
  components?: { schemas?: Record<string, Record<string, unknown>> };
}

export async function openApiOperation(baseUrl: string, path: string, method = 'get', status = '200'): Promise<OpenApiOperation> {
  const doc = (await (await fetch(`${baseUrl}/api/v1/openapi.json`)).json()) as Doc;
  const op = doc.paths[path]?.[method];
  if (!op) throw new Error(`no ${method.toUpperCase()} ${path} in the OpenAPI document`);
  const content = Object.values(op.responses[status]?.content ?? {})[0]?.schema ?? {};
  const ref = content.$ref?.replace('#/components/schemas/', '');
  return { operationId: op.operationId, schema: ref ? (doc.components?.schemas?.[ref] ?? {}) : content };
}
