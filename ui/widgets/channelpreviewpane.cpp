#include "channelpreviewpane.h"

#include "dialogs/channelpreview.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QScrollBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace sitrep {

ChannelPreviewPane::ChannelPreviewPane(QWidget *parent)
    : QWidget(parent), m_tabs(new QTabWidget(this)), m_raw(new QCheckBox(tr("Show what is sent"), this))
{
    m_tabs->setObjectName(QStringLiteral("composerPreview"));
    m_raw->setObjectName(QStringLiteral("composerRaw"));
    m_raw->setToolTip(tr("The exact request body each service receives"));
    m_tabs->setDocumentMode(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_raw);
    connect(m_raw, &QCheckBox::toggled, this, &ChannelPreviewPane::render);
}

void ChannelPreviewPane::setContent(const QList<Channel> &channels, const std::optional<UpdateMessage> &message,
                                    const QString &problem)
{
    m_channels = channels;
    m_message = message;
    m_problem = problem;
    render();
}

int ChannelPreviewPane::channelCount() const
{
    return int(m_channels.size());
}

QTextBrowser *ChannelPreviewPane::page(int index) const
{
    return qobject_cast<QTextBrowser *>(m_tabs->widget(index));
}

void ChannelPreviewPane::render()
{
    // Pages are reused while the channels stay the same, so the reader keeps tab and scroll
    // position as the text changes under them.
    const int wanted = std::max<int>(1, int(m_channels.size()));
    while (m_tabs->count() > wanted)
        delete m_tabs->widget(m_tabs->count() - 1);
    while (m_tabs->count() < wanted) {
        auto *page = new QTextBrowser(m_tabs);
        page->setObjectName(QStringLiteral("composerPreviewPage"));
        page->setOpenLinks(false);
        m_tabs->addTab(page, QString());
    }
    if (m_channels.isEmpty()) {
        m_tabs->setTabText(0, tr("No channel"));
        page(0)->setHtml(tr("<p>This audience has no channel yet. Add one under <b>Updates ▸ Channels and rhythm</b>.</p>"));
        return;
    }
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (int i = 0; i < m_channels.size(); ++i) {
        const Channel &c = m_channels.at(i);
        m_tabs->setTabText(i, channelKindLabel(c.kind));
        m_tabs->setTabToolTip(i, displayTarget(c.kind, c.target));
        QTextBrowser *p = page(i);
        const int scroll = p->verticalScrollBar()->value();
        if (!m_message) {
            p->setFont(font());
            p->setHtml(QStringLiteral("<p style=\"color:#c62828\">%1</p>").arg(m_problem.toHtmlEscaped()));
            continue;
        }
        const QByteArray payload = buildChatPayload(c.kind, *m_message);
        if (m_raw->isChecked()) {
            p->setFont(fixed);
            p->setPlainText(rawPayloadText(c.kind, payload));
        } else {
            p->setFont(font());
            p->setHtml(channelPreviewHtml(c.kind, payload, displayTarget(c.kind, c.target), updateSubject(*m_message)));
        }
        p->verticalScrollBar()->setValue(scroll);
    }
}

} // namespace sitrep
