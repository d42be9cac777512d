#pragma once

#include "store/database.h"

#include <memory>

class QWidget;

namespace sitrep {

// Opens the store for the window. When it cannot be opened the user sees why and may choose
// another file or quit; the problem file is never overwritten.
std::shared_ptr<Database> openStoreInteractively(const QString &path, QWidget *parent = nullptr);

} // namespace sitrep
