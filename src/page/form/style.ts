/** The form's styles, inlined with it (the page is one file, opened from file://, with nothing fetched). */
export const FORM_CSS = `
.pcf-form { font-size: 15px; line-height: 1.5; }
.pcf-chapter { border: 1px solid #c8d3e0; border-radius: 6px; margin: 0 0 1em; padding: 0 1em 0.5em; background: #fff; }
.pcf-chapter > summary { font-size: 1.15em; font-weight: bold; padding: 0.6em 0; cursor: pointer; }
.pcf-group, .pcf-list { min-width: 0; border: 1px solid #e0e6ee; border-radius: 4px; margin: 0.6em 0; padding: 0.4em 0.8em 0.6em; }
.pcf-group > legend, .pcf-list > legend { font-weight: bold; padding: 0 0.3em; }
.pcf-field { display: grid; grid-template-columns: minmax(14em, 2fr) 3fr; gap: 0.2em 1em; padding: 0.45em 0; border-bottom: 1px dotted #e0e6ee; }
.pcf-field:last-of-type { border-bottom: none; }
.pcf-value { display: flex; flex-wrap: wrap; align-items: center; gap: 0.3em 0.6em; }
.pcf-label { flex: 0 0 100%; font-weight: 600; }
.pcf-value input[type=text], .pcf-value input[type=date], .pcf-value select { font: inherit; padding: 0.15em 0.35em; min-width: 9em; }
.pcf-source, .pcf-reason { display: inline-flex; align-items: center; gap: 0.3em; }
.pcf-source label, .pcf-reason label { color: #555; font-size: 0.9em; }
.pcf-hint { color: #4a5568; font-size: 0.88em; }
.pcf-hint p { margin: 0.1em 0; }
.pcf-how { color: #6b7280; }
.pcf-message { flex: 0 0 100%; color: #b42318; font-weight: 600; margin: 0.2em 0 0; }
[aria-invalid=true] { outline: 2px solid #d92d20; outline-offset: 1px; background: #fff5f5; }
.pcf-unplaced { border: 2px solid #d92d20; border-radius: 6px; padding: 0.5em 1em; margin-bottom: 1em; color: #b42318; background: #fff5f5; }
.pcf-table-box { overflow-x: auto; margin: 0.4em 0; }
.pcf-records { border-collapse: collapse; font-size: 0.92em; }
.pcf-records th, .pcf-records td { border: 1px solid #d5dde8; padding: 0.25em 0.35em; vertical-align: top; text-align: left; }
.pcf-records thead th { background: #eef3f9; white-space: nowrap; }
.pcf-records input[type=text] { width: 11em; font: inherit; }
.pcf-records input[type=date], .pcf-records select { font: inherit; }
.pcf-cell .pcf-reason { display: flex; flex-direction: column; align-items: flex-start; font-size: 0.85em; }
.pcf-cell .pcf-reason label { white-space: nowrap; }
.pcf-cell .pcf-source { display: block; font-size: 0.85em; color: #555; }
.pcf-cell .pcf-source input { width: 10em; }
.pcf-hidden-label { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.pcf-none { display: block; margin: 0.3em 0; }
.pcf-empty { color: #6b7280; margin: 0.3em 0; }
.pcf-add, .pcf-remove { font: inherit; cursor: pointer; }
.pcf-columns { font-size: 0.88em; color: #4a5568; }
.pcf-columns dt { font-weight: 600; }
.pcf-columns dd { margin: 0 0 0.3em 1em; }
@media (max-width: 720px) { .pcf-field { grid-template-columns: 1fr; } }
`;
