// The interactive reference at /docs: Swagger UI (served by this server) on
// this server's own OpenAPI description; "Try it out" calls this server.
window.addEventListener('DOMContentLoaded', () => {
  window.SwaggerUIBundle({
    url: '/v1/openapi.json',
    dom_id: '#api-reference',
    deepLinking: true,
    // No call to the validator service of swagger.io: nothing leaves this server.
    validatorUrl: null,
    tryItOutEnabled: true,
  });
});
