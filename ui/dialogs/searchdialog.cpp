#include "searchdialog.h"

#include "services/services.h"

#include "domain/timeformat.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace sitrep {

SearchDialog::SearchDialog(Services &services, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_query(new QLineEdit(this))
    , m_everywhere(new QCheckBox(tr("Search every incident"), this))
    , m_results(new QListWidget(this))
    , m_status(new QLabel(this))
    , m_debounce(new QTimer(this))
{
    setWindowTitle(tr("Find in timelines"));
    setObjectName(QStringLiteral("searchDialog"));
    m_query->setObjectName(QStringLiteral("searchQuery"));
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_query->setPlaceholderText(tr("Words to find, e.g. disk full"));
    m_query->setClearButtonEnabled(true);
    m_results->setWordWrap(true);
    m_results->setAlternatingRowColors(true);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_query);
    layout->addWidget(m_everywhere);
    layout->addWidget(m_results, 1);
    layout->addWidget(m_status);
    resize(720, 480);

    connect(m_query, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &SearchDialog::run);
    connect(m_everywhere, &QCheckBox::toggled, this, &SearchDialog::run);
    connect(m_query, &QLineEdit::returnPressed, this, [this] {
        if (m_results->count() > 0)
            activate(std::max(0, m_results->currentRow()));
    });
    connect(m_results, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { activate(m_results->row(item)); });
}

void SearchDialog::setScope(qint64 currentIncidentId, bool utc)
{
    m_incidentId = currentIncidentId;
    m_utc = utc;
    m_everywhere->setChecked(currentIncidentId == 0);
    m_everywhere->setEnabled(currentIncidentId != 0);
    m_query->setFocus();
    m_query->selectAll();
}

void SearchDialog::search(const QString &text)
{
    m_query->setText(text);
    run();
}

int SearchDialog::resultCount() const
{
    return int(m_hits.size());
}

void SearchDialog::run()
{
    m_debounce->stop();
    m_results->clear();
    m_hits.clear();
    if (m_query->text().trimmed().isEmpty()) {
        m_status->clear();
        return;
    }
    const std::optional<qint64> scope = m_everywhere->isChecked() ? std::nullopt : std::optional<qint64>(m_incidentId);
    const Result<QList<SearchHit>> hits = m_services.timeline.search(m_query->text(), scope);
    if (!hits) {
        m_status->setText(hits.error().message);
        return;
    }
    m_hits = hits.value();
    for (const SearchHit &h : std::as_const(m_hits)) {
        const QString where = m_everywhere->isChecked() ? h.incidentTitle + QStringLiteral(" · ") : QString();
        m_results->addItem(QStringLiteral("%1%2\n%3").arg(where, formatDateTime(h.at, m_utc), h.text));
    }
    if (!m_hits.isEmpty())
        m_results->setCurrentRow(0);
    m_status->setText(m_hits.isEmpty() ? tr("Nothing found.") : tr("%n entries, newest first.", nullptr, int(m_hits.size())));
}

void SearchDialog::activate(int row)
{
    if (row < 0 || row >= m_hits.size())
        return;
    Q_EMIT resultActivated(m_hits.at(row).incidentId, m_hits.at(row).entryId);
}

} // namespace sitrep
