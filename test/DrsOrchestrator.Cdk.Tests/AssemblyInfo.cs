// One jsii runtime per process and synthesized apps shared through collection fixtures: running
// test classes in parallel would only contend for the same node process.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
