//! The glossary: every term of the page with its short definition, in a collapsible panel.

use leptos::prelude::*;

use super::glossary::terms;

/// A `<details>` panel with a definition list of [`terms`] (`data-testid="glossary"`).
#[component]
pub fn GlossaryPanel() -> impl IntoView {
    view! {
        <section class="panel glossary" aria-label="Glossary" data-testid="glossary">
            <details>
                <summary>"Glossary"</summary>
                <dl>
                    {terms().map(|(id, term, def)| view! {
                        <div id=format!("glossary-{id}")><dt><dfn>{term}</dfn></dt><dd>{def}</dd></div>
                    }).collect_view()}
                </dl>
            </details>
        </section>
    }
}
