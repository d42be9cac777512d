#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace sitrep {

// "Brief the room" (F2): the board as short sentences, large enough to read aloud, already on
// the clipboard to paste into chat. Not modal: the lead keeps working while it is open.
class BriefingDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit BriefingDialog(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(BriefingDialog)

    // Shows the text and puts it on the clipboard.
    void setBriefing(const QString &heading, const QString &text);
    QString text() const;

private:
    void copy();

    QLabel *m_heading;
    QPlainTextEdit *m_text;
    QLabel *m_copied;
    QString m_plain;
};

} // namespace sitrep
