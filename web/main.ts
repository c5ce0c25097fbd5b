// The staff app's entry point: marks the page as scripted (GOV.UK Frontend styles hang off
// .govuk-frontend-supported) and starts the shell.
import './components/pt-app.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
