#pragma once

namespace sitrep {

struct LaunchOptions;

// `sitrep wall`: the wall display as a process of its own, for the machine attached to the
// room's screen. It opens an existing store, reads it through the services' const faces and
// never writes; changes made by any process reach it through the change feed. With
// --screenshot it renders one frame to a PNG and exits. Needs the QApplication to exist.
int runWallProcess(const LaunchOptions &launch);

} // namespace sitrep
