#pragma once

#include <QLineEdit>

namespace sitrep {

// The one-line entry box under the timeline. Up on an empty line asks for the last entry back
// (to correct it); Escape gives up a correction.
class QuickEntryLine final : public QLineEdit
{
    Q_OBJECT

public:
    explicit QuickEntryLine(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(QuickEntryLine)

Q_SIGNALS:
    void recallRequested();
    void cancelRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace sitrep
