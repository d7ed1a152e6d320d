// Mark the page as able to run GOV.UK Frontend's JavaScript, then start its components.
import { initAll } from "../govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
