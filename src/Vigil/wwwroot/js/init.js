// Progressive enhancement only: every page works without JavaScript.
import { initAll } from '/govuk/govuk-frontend.min.js';
document.body.classList.add('govuk-frontend-supported');
initAll();
