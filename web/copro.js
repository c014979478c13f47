// copro.js: the only script: marks the page as able to run GOV.UK Frontend's
// JavaScript, then starts its components. Pages work fully without it.
import { initAll } from './govuk-frontend.min.js'

document.body.classList.add('govuk-frontend-supported')
initAll()
