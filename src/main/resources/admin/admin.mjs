// Starts the NHS design system's scripts (header menu, skip link, error summary focus). The pages work without it.
import { initAll } from '/assets/nhsuk-frontend-10.6.1.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();
