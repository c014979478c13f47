// copro.js: the only script: marks the page as able to run GOV.UK Frontend's
// JavaScript, then starts its components. Pages work fully without it.
import { initAll } from './govuk-frontend.min.js'

document.body.classList.add('govuk-frontend-supported')
initAll()

// Copy buttons (data-copro-copy="ID"): shown only where the browser can
// copy; without them the read-only field ID can still be selected.
for (const button of document.querySelectorAll('[data-copro-copy]')) {
  const field = document.getElementById(button.dataset.coproCopy)
  const status = document.querySelector(`[data-copro-copied="${button.dataset.coproCopy}"]`)
  if (!field || !navigator.clipboard) continue
  button.hidden = false
  button.classList.remove('govuk-!-display-none')
  button.addEventListener('click', async () => {
    field.select()
    try {
      await navigator.clipboard.writeText(field.value)
      if (status) status.textContent = 'Link copied'
      button.textContent = 'Copied'
    } catch {
      if (status) status.textContent = 'Select the link and copy it'
    }
  })
}
