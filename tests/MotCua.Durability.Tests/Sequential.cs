// One at a time: each test runs whole product processes against the machine's two cores, kills them on a schedule and
// measures what happens. Side by side they would starve each other and measure each other's load.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
