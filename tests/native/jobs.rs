//! The simulation worker's protocol (`view::jobs`): a job run through it (request encoded and
//! decoded, stepped to the end, every response encoded and decoded) gives exactly, bit for
//! bit, what the engine gives when the page steps it on its own thread; garbage bytes are an
//! error, not a panic.

use chrono::NaiveDate;
use minerhedge::domain::montecarlo::{McRun, McStats};
use minerhedge::domain::program::{ProgramRun, ProgramStats};
use minerhedge::domain::strategy::StrategyKind;
use minerhedge::link::Scenario;
use minerhedge::view::Model;
use minerhedge::view::frontier::{StrategyFrontier, frontiers};
use minerhedge::view::jobs::{
    Body, Jobs, Kind, OTHER_PAGE, PROGRAM_MAX_PATHS, PageJob, PeriodJob, ProgramJob, Request,
    Response, Stage, decode, encode, program_paths_note, scenario_of,
};
use minerhedge::view::montecarlo::MC_CHUNK;
use minerhedge::view::program::{ProgramModel, Suggestion, suggestion_terms};

/// Runs `request` through the protocol: every response as the page decodes it.
fn through_worker<J: PageJob>(jobs: &mut Jobs<J>, request: &Request) -> Vec<Response> {
    jobs.submit(decode(&encode(request)).unwrap());
    jobs.run_to_end()
        .iter()
        .map(|r| decode(&encode(r)).unwrap())
        .collect()
}

/// The results of `responses`, progress left out.
fn results(responses: &[Response]) -> Vec<Body> {
    responses
        .iter()
        .filter(|r| !matches!(r.body, Body::Progress { .. }))
        .map(|r| r.body.clone())
        .collect()
}

/// The period page's statistics and frontier as the page computed them on its thread.
fn period_direct(q: &str) -> (Vec<McStats>, Option<Vec<StrategyFrontier>>) {
    let mut s = Scenario::from_query(q).scenario;
    s.view.price = Some(rust_decimal::Decimal::ZERO);
    let model = Model::build(&s);
    let (params, profiles) = model.monte_carlo().unwrap();
    let mut run = McRun::new(params, profiles).unwrap().keeping_paths();
    while !run.step(MC_CHUNK).finished() {}
    let curves = model
        .frontier_profiles()
        .map(|full| frontiers(run.paths().unwrap(), &full).unwrap());
    (run.stats(), curves)
}

const PERIOD: [&str; 3] = [
    "seed=3&paths=3000&hedge=put",
    "seed=11&paths=5000&hedge=collar&coverage=60&price=80000",
    "seed=42&paths=2500&hedge=forward&coverage=35&dvol=40&corr=-30",
];

#[test]
fn a_period_job_equals_the_engine_bit_for_bit() {
    let mut jobs = Jobs::<PeriodJob>::default();
    for (i, q) in PERIOD.iter().enumerate() {
        let mut s = Scenario::from_query(q).scenario;
        s.view.price = Some(rust_decimal::Decimal::ZERO);
        let query = s.to_query();
        let id = i as u64 + 1;
        let out = through_worker(
            &mut jobs,
            &Request {
                id,
                kind: Kind::Period { query },
            },
        );
        assert!(out.iter().all(|r| r.id == id));
        let (stats, curves) = period_direct(q);
        let mut expected = vec![Body::Mc(stats)];
        expected.extend(curves.map(Body::Frontier));
        assert_eq!(results(&out), expected, "{q}");
        assert!(matches!(expected[..], [_, Body::Frontier(_)]), "{q}");
    }
}

#[test]
fn the_page_and_the_worker_build_the_same_simulation() {
    for q in PERIOD {
        let page = Scenario::from_query(q).scenario;
        let mut zeroed = page.clone();
        zeroed.view.price = Some(rust_decimal::Decimal::ZERO);
        // The page sends its model's scenario (the price zeroed); the link's too would do.
        let expected = Model::build(&zeroed);
        for sent in [zeroed.to_query(), page.to_query()] {
            let worker = Model::build(&scenario_of(&sent));
            assert_eq!(worker.monte_carlo(), expected.monte_carlo(), "{q}");
            assert_eq!(
                worker.frontier_profiles(),
                expected.frontier_profiles(),
                "{q}"
            );
        }
    }
}

#[test]
fn a_coverage_change_answers_the_kept_frontier() {
    let mut jobs = Jobs::<PeriodJob>::default();
    let at = |c: u32| Request {
        id: u64::from(c),
        kind: Kind::Period {
            query: format!("seed=5&paths=2000&hedge=put&coverage={c}"),
        },
    };
    let first = results(&through_worker(&mut jobs, &at(50)));
    assert!(matches!(first.last(), Some(Body::Frontier(_))));
    let second = through_worker(&mut jobs, &at(70));
    assert!(!second.iter().any(|r| matches!(
        r.body,
        Body::Progress {
            stage: Stage::Frontier,
            ..
        }
    )));
    assert_eq!(results(&second).last(), first.last());
    assert_eq!(
        results(&second)[..1],
        [Body::Mc(
            period_direct("seed=5&paths=2000&hedge=put&coverage=70").0
        )]
    );
}

#[test]
fn a_newer_request_cancels_the_running_job() {
    let mut jobs = Jobs::<PeriodJob>::default();
    let req = |id, seed| Request {
        id,
        kind: Kind::Period {
            query: format!("seed={seed}&paths=20000&hedge=put"),
        },
    };
    jobs.submit(req(1, 1));
    let early = jobs.step();
    assert!(early.is_empty());
    jobs.submit(req(2, 2));
    let out = jobs.run_to_end();
    assert!(out.iter().all(|r| r.id == 2));
    assert_eq!(
        results(&out)[0],
        Body::Mc(period_direct("seed=2&paths=20000&hedge=put").0)
    );
}

const TODAY: (i32, u32, u32) = (2026, 12, 2);
const RIG: &str = "v=2&view=program&start=2027-01-01&months=6&mode=rig&hr=300&pwr=0.07&spot=95000&vol=60&coin=BTC&diff=126000000000000&sub=3.125&fee=0.03&dvol=30";

/// The program page's statistics and suggested ladder as the page computed them.
fn program_direct(q: &str) -> (Option<ProgramStats>, Vec<Suggestion>) {
    let s = Scenario::from_query(q).scenario;
    let today = NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap();
    let m = ProgramModel::build(&s, s.program.start_or(today)).unwrap();
    let mut run = ProgramRun::new(&m.program, m.simulation).unwrap();
    if let Some(f) = &m.full {
        run = run.with_full_coverage(f).unwrap();
    }
    while !run.step(100).finished() {}
    while !run.summarize(1) {}
    let (target, cap) = suggestion_terms(&s);
    let ladder = (0..m.program.rows().len())
        .filter(|&i| m.program.rows()[i].kind != StrategyKind::Unhedged)
        .filter_map(|month| {
            let (c, p) = run.least_coverage(month, target, cap)?;
            Some(Suggestion {
                month,
                coverage_pct: c,
                prob_negative: p,
            })
        })
        .collect();
    (run.stats(), ladder)
}

fn program_request(id: u64, q: &str) -> Request {
    Request {
        id,
        kind: Kind::Program {
            query: Scenario::from_query(q).scenario.to_query(),
            today: TODAY,
        },
    }
}

#[test]
fn a_program_job_equals_the_engine_bit_for_bit() {
    let mut jobs = Jobs::<ProgramJob>::default();
    for (id, q) in [
        format!("{RIG}&ph=forward,put,collar&pcov=60&paths=3000&seed=4"),
        format!("{RIG}&ph=put&pcov=80&paths=2000&seed=17&pneg=10"),
    ]
    .iter()
    .enumerate()
    {
        let out = through_worker(&mut jobs, &program_request(id as u64, q));
        let (stats, ladder) = program_direct(q);
        assert!(stats.is_some());
        assert_eq!(
            results(&out),
            [Body::Program(stats), Body::Suggestions(ladder)],
            "{q}"
        );
    }
}

#[test]
fn a_new_target_rescans_the_kept_run() {
    let mut jobs = Jobs::<ProgramJob>::default();
    let base = format!("{RIG}&ph=forward,put,collar&pcov=60&paths=3000&seed=8");
    through_worker(&mut jobs, &program_request(1, &base));
    let q = format!("{base}&pneg=5");
    let out = through_worker(&mut jobs, &program_request(2, &q));
    // No path simulated again: the first progress already has every path.
    assert!(matches!(
        out[0].body,
        Body::Progress {
            stage: Stage::Simulation,
            done: 3000,
            total: 3000
        }
    ));
    let (stats, ladder) = program_direct(&q);
    assert_eq!(
        results(&out),
        [Body::Program(stats), Body::Suggestions(ladder)]
    );
}

#[test]
fn a_worker_refuses_the_other_page_s_jobs() {
    let period = Request {
        id: 1,
        kind: Kind::Period {
            query: "seed=3&paths=3000&hedge=put".into(),
        },
    };
    let program = program_request(2, &format!("{RIG}&ph=put&pcov=80&paths=2000"));
    let refused = |id| {
        vec![Response {
            id,
            body: Body::Error {
                stage: Stage::Simulation,
                text: OTHER_PAGE.to_string(),
            },
        }]
    };
    let mut program_worker = Jobs::<ProgramJob>::default();
    assert_eq!(through_worker(&mut program_worker, &period), refused(1));
    let mut period_worker = Jobs::<PeriodJob>::default();
    assert_eq!(through_worker(&mut period_worker, &program), refused(2));
}

#[test]
fn a_large_program_is_capped() {
    assert_eq!(program_paths_note(PROGRAM_MAX_PATHS as u32, false), None);
    assert!(program_paths_note(PROGRAM_MAX_PATHS as u32 + 1, false).is_some());
}

#[test]
fn garbage_bytes_are_an_error() {
    for bytes in [
        &[][..],
        &[0xff; 3],
        &[1, 200, 7, 1, 2],
        &[0, 0, 5, b'a'],
        &[9; 64],
    ] {
        assert!(decode::<Request>(bytes).is_err(), "{bytes:?}");
    }
    for bytes in [&[][..], &[0xff; 3], &[1, 0, 9, 9], &[3, 9, 0]] {
        assert!(decode::<Response>(bytes).is_err(), "{bytes:?}");
    }
    // A truncated message is an error too.
    let full = encode(&program_request(3, RIG));
    for n in 0..full.len() {
        assert!(decode::<Request>(&full[..n]).is_err());
    }
}
