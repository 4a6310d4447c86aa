/* /docs: Swagger UI over this server's OpenAPI document (an external file: the CSP allows no inline script). */
"use strict";
(function () {
  const node = document.getElementById("swagger-ui");
  window.ui = window.SwaggerUIBundle({ url: node.dataset.spec, domNode: node, deepLinking: true });
})();
