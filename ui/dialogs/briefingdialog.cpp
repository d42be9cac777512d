#include "briefingdialog.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sitrep {

BriefingDialog::BriefingDialog(QWidget *parent)
    : QDialog(parent), m_heading(new QLabel(this)), m_text(new QPlainTextEdit(this)), m_copied(new QLabel(this))
{
    setObjectName(QStringLiteral("briefingDialog"));
    setWindowTitle(tr("Brief the room"));
    setModal(false);
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_text->setObjectName(QStringLiteral("briefingText"));
    m_text->setReadOnly(true);
    QFont big = m_text->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    m_text->setFont(big);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_copied->setObjectName(QStringLiteral("briefingCopied"));
    m_copied->setStyleSheet(QStringLiteral("color: #2e7d32;"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copyButton = buttons->addButton(tr("&Copy again"), QDialogButtonBox::ActionRole);
    connect(copyButton, &QPushButton::clicked, this, &BriefingDialog::copy);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_copied);
    layout->addWidget(buttons);
    resize(720, 420);
}

void BriefingDialog::setBriefing(const QString &heading, const QString &text)
{
    m_heading->setText(heading);
    m_plain = text;
    // A blank line between the parts: read aloud, each part is its own breath.
    m_text->setPlainText(QString(text).replace(QLatin1Char('\n'), QStringLiteral("\n\n")));
    copy();
}

QString BriefingDialog::text() const
{
    return m_plain;
}

void BriefingDialog::copy()
{
    if (QClipboard *clipboard = QGuiApplication::clipboard()) {
        clipboard->setText(text());
        m_copied->setText(tr("Copied to the clipboard — paste it into chat, or read it out."));
    }
}

} // namespace sitrep
