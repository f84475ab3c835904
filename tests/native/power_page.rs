//! The period page on a power contract: the plan, the table's columns, the numeric floor,
//! cap and breakevens, and `ptype=fixed` the page as before.

use minerhedge::link::Scenario;
use minerhedge::view::Model;

#[test]
fn scratch_print() {
    for q in [
        "v=2&mode=rig&ptype=index&hedge=forward&spot=95000&hr=200000&eff=17.5&pwr=0.05&diff=120T",
        "v=2&mode=rig&ptype=ppa&hedge=put&spot=95000&hr=200000&eff=17.5&pwr=0.05&diff=120T",
    ] {
        let m = Model::build(&Scenario::from_query(q).scenario);
        println!("{:?}", m.messages);
        println!("{:?}", m.economics);
        for st in &m.strategies {
            println!("{:?} {:?} {:?} {:?}", st.kind, st.bounds, st.outlook, st.return_range);
        }
        for r in &m.table {
            println!("{:?}", r);
        }
    }
}
