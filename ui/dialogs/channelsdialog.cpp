#include "channelsdialog.h"

#include "services/cadencesettings.h"
#include "services/services.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sitrep {

namespace {

constexpr int kChannelIdRole = Qt::UserRole + 1;
constexpr qint64 kMinute = 60 * 1000;

QString placeholderFor(ChannelKind kind)
{
    switch (kind) {
    case ChannelKind::Clipboard: return ChannelsDialog::tr("nothing to fill in: the text is copied for you to paste");
    case ChannelKind::Email: return ChannelsDialog::tr("ops@example.com, cto@example.com");
    case ChannelKind::Slack: return ChannelsDialog::tr("https://hooks.slack.com/services/…");
    case ChannelKind::Mattermost: return ChannelsDialog::tr("https://mattermost.example.com/hooks/…");
    case ChannelKind::Teams: return ChannelsDialog::tr("https://example.webhook.office.com/webhookb2/…");
    case ChannelKind::TeamsWorkflow: return ChannelsDialog::tr("https://prod-00.westus.logic.azure.com/workflows/…");
    }
    return {};
}

} // namespace

ChannelsDialog::ChannelsDialog(Services &services, qint64 incidentId, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_incidentId(incidentId)
    , m_tree(new QTreeWidget(this))
    , m_audience(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_target(new QLineEdit(this))
    , m_add(new QPushButton(tr("Add channel"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_newAudience(new QLineEdit(this))
    , m_feedback(new QLabel(this))
{
    setObjectName(QStringLiteral("channelsDialog"));
    setWindowTitle(tr("Channels and rhythm — Sitrep"));
    m_tree->setObjectName(QStringLiteral("channelsTree"));
    m_audience->setObjectName(QStringLiteral("channelsAudience"));
    m_kind->setObjectName(QStringLiteral("channelsKind"));
    m_target->setObjectName(QStringLiteral("channelsTarget"));
    m_add->setObjectName(QStringLiteral("channelsAdd"));
    m_remove->setObjectName(QStringLiteral("channelsRemove"));
    m_newAudience->setObjectName(QStringLiteral("channelsNewAudience"));
    m_feedback->setObjectName(QStringLiteral("channelsFeedback"));

    m_tree->setHeaderLabels({tr("Audience / channel"), tr("Where")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setRootIsDecorated(false);
    for (ChannelKind kind : allChannelKinds())
        m_kind->addItem(channelKindLabel(kind), int(kind));
    m_kind->setCurrentIndex(m_kind->findData(int(ChannelKind::Slack)));
    // A webhook URL is a password: shown while typed, hidden once the field is left.
    m_target->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_target->setMinimumWidth(360);
    m_newAudience->setPlaceholderText(tr("another audience, e.g. partners"));
    m_feedback->setWordWrap(true);

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_audience);
    addRow->addWidget(m_kind);
    addRow->addWidget(m_target, 1);
    addRow->addWidget(m_add);
    auto *audienceRow = new QHBoxLayout;
    auto *addAudienceButton = new QPushButton(tr("Add audience"), this);
    audienceRow->addWidget(m_newAudience, 1);
    audienceRow->addWidget(addAudienceButton);
    audienceRow->addStretch(1);
    audienceRow->addWidget(m_remove);

    auto *rhythm = new QGroupBox(tr("Update rhythm (minutes between updates; 0 = none)"), this);
    auto *rhythmRow = new QHBoxLayout(rhythm);
    const CadencePolicy policy = services.updates.cadencePolicy();
    for (Severity s : {Severity::Sev1, Severity::Sev2, Severity::Sev3, Severity::Sev4}) {
        auto *spin = new QSpinBox(rhythm);
        spin->setObjectName(QStringLiteral("channelsRhythm%1").arg(severityNumber(s)));
        spin->setRange(0, 24 * 60);
        spin->setSuffix(tr(" min"));
        spin->setSpecialValueText(tr("none"));
        spin->setValue(int(policy.forSeverity(s).value_or(0) / kMinute));
        rhythmRow->addWidget(new QLabel(severityLabel(s), rhythm));
        rhythmRow->addWidget(spin);
        m_rhythm.append(spin);
        connect(spin, &QSpinBox::valueChanged, this, &ChannelsDialog::saveRhythm);
    }
    rhythmRow->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree, 1);
    layout->addLayout(audienceRow);
    layout->addLayout(addRow);
    layout->addWidget(m_feedback);
    layout->addWidget(rhythm);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &ChannelsDialog::addChannel);
    connect(m_target, &QLineEdit::returnPressed, this, &ChannelsDialog::addChannel);
    connect(addAudienceButton, &QPushButton::clicked, this, &ChannelsDialog::addAudience);
    connect(m_newAudience, &QLineEdit::returnPressed, this, &ChannelsDialog::addAudience);
    connect(m_remove, &QPushButton::clicked, this, &ChannelsDialog::removeSelected);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ChannelsDialog::kindChanged);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, [this] {
        const QTreeWidgetItem *item = m_tree->currentItem();
        m_remove->setEnabled(item && item->data(0, kChannelIdRole).toLongLong() > 0);
    });
    kindChanged();
    reload();
    resize(820, 520);
}

void ChannelsDialog::reload()
{
    const QString selectedAudience = m_audience->currentText();
    m_tree->clear();
    m_audience->clear();
    const Result<QList<Audience>> audiences = m_services.audiences.ensureAudiences(m_incidentId);
    if (!audiences) {
        showFeedback(audiences.error().message, true);
        return;
    }
    for (const Audience &a : audiences.value()) {
        m_audience->addItem(a.name, a.id);
        auto *top = new QTreeWidgetItem(m_tree, {a.name});
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        const Result<QList<Channel>> channels = m_services.audiences.channels(a.id);
        if (channels && channels.value().isEmpty())
            top->setText(1, tr("no channel yet"));
        for (const Channel &c : channels ? channels.value() : QList<Channel>()) {
            auto *child = new QTreeWidgetItem(top, {QStringLiteral("    ") + channelKindLabel(c.kind), displayTarget(c.kind, c.target)});
            child->setData(0, kChannelIdRole, c.id);
        }
    }
    m_tree->expandAll();
    const int keep = m_audience->findText(selectedAudience);
    if (keep >= 0)
        m_audience->setCurrentIndex(keep);
    m_remove->setEnabled(false);
}

bool ChannelsDialog::addChannel()
{
    const qint64 audienceId = m_audience->currentData().toLongLong();
    const auto kind = static_cast<ChannelKind>(m_kind->currentData().toInt());
    const Result<Channel> added = m_services.audiences.addChannel(audienceId, kind, m_target->text());
    if (!added) {
        showFeedback(added.error().message, true);
        return false;
    }
    showFeedback(tr("Updates to %1 now also go to %2.").arg(m_audience->currentText(), channelKindLabel(kind)), false);
    m_target->clear();
    reload();
    return true;
}

void ChannelsDialog::addAudience()
{
    const Result<Audience> added = m_services.audiences.addAudience(m_incidentId, m_newAudience->text());
    if (!added) {
        showFeedback(added.error().message, true);
        return;
    }
    m_newAudience->clear();
    reload();
    m_audience->setCurrentIndex(m_audience->findData(added->id));
    showFeedback(tr("Added the audience %1: give it a channel.").arg(added->name), false);
}

void ChannelsDialog::removeSelected()
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item)
        return;
    const Result<Channel> removed = m_services.audiences.removeChannel(item->data(0, kChannelIdRole).toLongLong());
    if (!removed)
        showFeedback(removed.error().message, true);
    reload();
}

void ChannelsDialog::kindChanged()
{
    const auto kind = static_cast<ChannelKind>(m_kind->currentData().toInt());
    m_target->setPlaceholderText(placeholderFor(kind));
    m_target->setEnabled(kind != ChannelKind::Clipboard);
    m_target->setEchoMode(isWebhookChannel(kind) ? QLineEdit::PasswordEchoOnEdit : QLineEdit::Normal);
}

void ChannelsDialog::saveRhythm()
{
    CadencePolicy policy;
    std::optional<qint64> *intervals[] = {&policy.sev1Ms, &policy.sev2Ms, &policy.sev3Ms, &policy.sev4Ms};
    for (int i = 0; i < m_rhythm.size(); ++i) {
        const int minutes = m_rhythm.at(i)->value();
        *intervals[i] = minutes > 0 ? std::optional<qint64>(minutes * kMinute) : std::nullopt;
    }
    m_services.updates.setCadencePolicy(policy);
    QSettings settings;
    saveCadencePolicy(settings, policy);
    Q_EMIT rhythmChanged();
}

void ChannelsDialog::showFeedback(const QString &text, bool problem)
{
    m_feedback->setStyleSheet(problem ? QStringLiteral("color: #c62828;") : QStringLiteral("color: #2e7d32;"));
    m_feedback->setText(text);
}

} // namespace sitrep
