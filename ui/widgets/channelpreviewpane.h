#pragma once

#include "domain/stakeholderupdate.h"

#include <QWidget>
#include <optional>

class QCheckBox;
class QTabWidget;
class QTextBrowser;

namespace sitrep {

// One tab per channel of the audience, each showing the update as that channel will show it;
// "Show what is sent" switches every tab to the exact payload.
class ChannelPreviewPane final : public QWidget
{
    Q_OBJECT

public:
    explicit ChannelPreviewPane(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ChannelPreviewPane)

    // `problem` replaces the preview when the message cannot be built (e.g. a bad next time).
    void setContent(const QList<Channel> &channels, const std::optional<UpdateMessage> &message, const QString &problem = {});
    int channelCount() const;
    QTextBrowser *page(int index) const;

private:
    void render();

    QTabWidget *m_tabs;
    QCheckBox *m_raw;
    QList<Channel> m_channels;
    std::optional<UpdateMessage> m_message;
    QString m_problem;
};

} // namespace sitrep
