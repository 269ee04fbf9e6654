// One bench at a time: a shared target (a simulator process, a board) takes one connection, and its state is
// each test's starting point.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
