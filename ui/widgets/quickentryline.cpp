#include "quickentryline.h"

#include <QKeyEvent>

namespace sitrep {

QuickEntryLine::QuickEntryLine(QWidget *parent) : QLineEdit(parent) {}

void QuickEntryLine::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Up && event->modifiers() == Qt::NoModifier && text().isEmpty()) {
        Q_EMIT recallRequested();
        return;
    }
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT cancelRequested();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

} // namespace sitrep
