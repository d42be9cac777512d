#include "entrydialogs.h"

#include "domain/timeformat.h"

#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace sitrep {

std::optional<EntryCorrection> promptForCorrection(QWidget *parent, const TimelineEntry &entry, bool utc)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(QObject::tr("Correct timeline entry"));
    auto *text = new QLineEdit(entry.text, &dialog);
    auto *time = new QDateTimeEdit(&dialog);
    time->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    time->setTimeSpec(utc ? Qt::UTC : Qt::LocalTime);
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(entry.at, Qt::UTC);
    time->setDateTime(utc ? at : at.toLocalTime());
    auto *note = new QLabel(QObject::tr("The entry keeps its earlier wording and time in its history."), &dialog);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    auto *form = new QFormLayout(&dialog);
    form->addRow(QObject::tr("&What happened"), text);
    form->addRow(utc ? QObject::tr("&When (UTC)") : QObject::tr("&When"), time);
    form->addRow(note);
    form->addRow(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    dialog.resize(560, dialog.sizeHint().height());
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    // Keep the milliseconds the editor cannot show when the second did not change.
    qint64 newAt = time->dateTime().toMSecsSinceEpoch();
    if (newAt / 1000 == entry.at / 1000)
        newAt = entry.at;
    return EntryCorrection{text->text(), newAt};
}

std::optional<QString> promptForRetractReason(QWidget *parent, const TimelineEntry &entry)
{
    bool ok = false;
    const QString reason = QInputDialog::getText(parent, QObject::tr("Retract entry"),
                                                 QObject::tr("Why is “%1” wrong? It stays on the record, struck through.")
                                                     .arg(entry.text.left(80)),
                                                 QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return std::nullopt;
    return reason;
}

void showEntryHistory(QWidget *parent, const TimelineEntry &entry, const QList<TimelineEdit> &edits, bool utc)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(QObject::tr("History of an entry"));
    auto *table = new QTableWidget(int(edits.size()), 4, &dialog);
    table->setObjectName(QStringLiteral("entryHistory"));
    table->setHorizontalHeaderLabels({QObject::tr("Changed"), QObject::tr("By"), QObject::tr("Before"), QObject::tr("After")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setStretchLastSection(true);
    for (int row = 0; row < edits.size(); ++row) {
        const TimelineEdit &e = edits.at(row);
        auto cell = [](const QString &text) { return new QTableWidgetItem(text); };
        table->setItem(row, 0, cell(formatDateTime(e.editedAt, utc)));
        table->setItem(row, 1, cell(e.editor));
        table->setItem(row, 2, cell(QStringLiteral("%1 · %2").arg(formatClockTime(e.oldAt, utc), e.oldText)));
        table->setItem(row, 3, cell(QStringLiteral("%1 · %2").arg(formatClockTime(e.newAt, utc), e.newText)));
    }
    table->resizeColumnsToContents();
    auto *summary = new QLabel(edits.isEmpty() ? QObject::tr("“%1” has never been corrected.").arg(entry.text)
                                               : QObject::tr("“%1” — %n correction(s):", nullptr, int(edits.size())).arg(entry.text),
                               &dialog);
    summary->setWordWrap(true);
    if (entry.isRetracted())
        summary->setText(summary->text() + QLatin1Char('\n')
                         + QObject::tr("Retracted at %1: %2").arg(formatDateTime(*entry.retractedAt, utc), entry.retractReason));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(summary);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog.resize(760, 320);
    dialog.exec();
}

} // namespace sitrep
