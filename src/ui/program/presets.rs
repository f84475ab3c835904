//! The program's presets (`data-testid="program-presets"`): each opens its link.

use leptos::prelude::*;

use crate::link::PROGRAM_PRESETS;

/// The preset menu: one link per preset, with its description.
#[component]
pub fn ProgramPresets() -> impl IntoView {
    view! {
        <section class="panel presets" aria-labelledby="program-presets-title" data-testid="program-presets">
            <h2 id="program-presets-title">"Presets"</h2>
            <ul>
                {PROGRAM_PRESETS.iter().enumerate().map(|(i, p)| view! {
                    <li>
                        <a href=format!("?{}", p.query) data-testid=format!("program-preset-{i}")>{p.name}</a>
                        <p class="preset-description">{p.description}</p>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
