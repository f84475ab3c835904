//! The program page: layout, the state every component shares, and the built program.

use leptos::prelude::*;

use crate::present::message_text;

use crate::link::Page;
use crate::view::Message;
use crate::view::program::ProgramModel;
use crate::web::today;

use super::super::link_error::LinkErrorBanner;
use super::super::schedule::paint_stages;
use super::super::share::ShareBar;
use super::super::state::PageState;
use super::super::theme::{ColourScheme, ThemeToggle};
use super::super::url;
use super::actuals::ProgramActuals;
use super::chart::ProgramChart;
use super::export::ProgramExport;
use super::inputs::ProgramInputsPanel;
use super::ladder::LadderEditor;
use super::presets::ProgramPresets;
use super::report::ProgramReport;
use super::runner::use_program_run;
use super::suggest::SuggestedLadder;
use super::summary::ProgramSummary;
use super::table::ProgramTable;
use super::treasury::TreasuryPanel;

/// The built program of the current scenario, or why it could not be built.
pub type Built = Memo<Result<ProgramModel, Message>>;

/// `f` of each month's row of the built program, in order, where it gives a value (nothing
/// when the program could not be built). Read untracked: a caller in an effect or a view
/// closure that must follow the program tracks `built` itself.
pub fn month_values<T>(
    built: Built,
    f: impl Fn(usize, &crate::domain::program::MonthRow) -> Option<T>,
) -> Vec<T> {
    built.with_untracked(|b| {
        b.as_ref()
            .map(|m| {
                m.program
                    .rows()
                    .iter()
                    .enumerate()
                    .filter_map(|(i, r)| f(i, r))
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// Stages of what mounts after the first frame (see [`paint_stages`]): the inputs, the
/// month table, the ladder and its suggestion with the actuals, the treasury's figures and
/// chart, its table (up to 36 × 20 cells), then the report, export and share panels (one mount
/// task each).
const STAGES: u32 = 6;

/// Root component of the program page: reads the scenario from the URL (a program link
/// without `start` starts next month, and the link then carries that date), provides the
/// state, keeps the URL in step and lays out the panels.
#[component]
pub fn ProgramApp() -> impl IntoView {
    let page = PageState::from_location();
    page.scenario.update(|s| {
        s.view.page = Page::Program;
        if s.program.start.is_none() {
            s.program.start = Some(s.program.start_or(today()));
        }
    });
    page.texts
        .set(page.scenario.with_untracked(crate::view::edit::Texts::of));
    provide_context(page);
    provide_context(ColourScheme::install());
    url::follow_scenario(page.scenario);
    let built: Built = Memo::new(move |_| {
        page.scenario
            .with(|s| ProgramModel::build(s, s.program.start_or(today())))
    });
    // After the first frame (the summary and the chart), a stage per painted frame (see
    // STAGES); the first simulation starts once all are in.
    let stage = paint_stages(STAGES);
    // Each section follows its own memo, which changes once: a closure that read the stage
    // itself would run again at every later stage and build its section anew each time.
    let at = move |n: u32| Memo::new(move |_| stage.get() >= n);
    let (inputs, table, ladder, treasury, treasury_table, rest) =
        (at(1), at(2), at(3), at(4), at(5), at(STAGES));
    let run = use_program_run(built, rest.into());
    let period_link = move || {
        let mut s = page.scenario.get();
        s.view.page = Page::Period;
        format!("../?{}", s.to_query())
    };
    let error = move || {
        built.with(|b| {
            b.as_ref().err().map(|m| {
                view! { <p class="field-error" role="alert" data-testid="program-error">{message_text(m)}</p> }
            })
        })
    };
    view! {
        <header class="top">
            <h1>"minerhedge"</h1>
            <nav class="views" aria-label="Views">
                <a href=period_link data-testid="view-period">"Period"</a>
                <span aria-current="page" data-testid="view-program">"Program"</span>
            </nav>
            <ThemeToggle />
            <p class="tagline">"A hedge program month by month: each month's production, a ladder of forwards, puts and collars over up to 36 months, and the cash flow it locks in."</p>
        </header>
        <LinkErrorBanner />
        <main class="layout program">
            <div class="side">
                {move || inputs.get().then(|| view! {
                    <ProgramPresets />
                    <ProgramInputsPanel />
                })}
            </div>
            <div class="results">
                {error}
                <ProgramSummary built=built run=run />
                <ProgramChart built=built run=run />
                {move || table.get().then(|| view! { <ProgramTable built=built run=run /> })}
                {move || ladder.get().then(|| view! {
                    <LadderEditor built=built />
                    <SuggestedLadder built=built run=run />
                    <ProgramActuals built=built run=run />
                })}
                {move || treasury.get().then(|| view! {
                    <TreasuryPanel built=built run=run table=treasury_table.into() />
                })}
                {move || rest.get().then(|| view! {
                    <ProgramReport built=built run=run />
                    <ProgramExport built=built run=run />
                    <ShareBar />
                })}
            </div>
        </main>
    }
}
