#include "timelinefilterbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

namespace sitrep {

TimelineFilterBar::TimelineFilterBar(QWidget *parent)
    : QWidget(parent), m_kind(new QComboBox(this)), m_author(new QComboBox(this)), m_pinned(new QCheckBox(tr("★ Pinned only"), this))
{
    setObjectName(QStringLiteral("timelineFilter"));
    m_kind->setObjectName(QStringLiteral("filterKind"));
    m_author->setObjectName(QStringLiteral("filterAuthor"));
    m_pinned->setObjectName(QStringLiteral("filterPinned"));
    m_kind->addItem(tr("All kinds"), QString());
    for (EntryKind k : allEntryKinds())
        m_kind->addItem(entryKindLabel(k), entryKindKey(k));
    m_author->addItem(tr("Everyone"), QString());

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>Timeline</b>"), this));
    layout->addStretch(1);
    layout->addWidget(m_kind);
    layout->addWidget(m_author);
    layout->addWidget(m_pinned);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &TimelineFilterBar::emitFilter);
    connect(m_author, &QComboBox::currentIndexChanged, this, &TimelineFilterBar::emitFilter);
    connect(m_pinned, &QCheckBox::toggled, this, &TimelineFilterBar::emitFilter);
}

void TimelineFilterBar::setAuthors(const QStringList &authors)
{
    const QString current = m_author->currentData().toString();
    m_quiet = true;
    m_author->clear();
    m_author->addItem(tr("Everyone"), QString());
    for (const QString &a : authors)
        m_author->addItem(a, a);
    const int index = m_author->findData(current);
    m_author->setCurrentIndex(index < 0 ? 0 : index);
    m_quiet = false;
}

TimelineFilter TimelineFilterBar::filter() const
{
    TimelineFilter f;
    if (const auto kind = parseEntryKind(m_kind->currentData().toString()))
        f.kinds = {*kind};
    f.author = m_author->currentData().toString();
    f.pinnedOnly = m_pinned->isChecked();
    return f;
}

void TimelineFilterBar::reset()
{
    m_quiet = true;
    m_kind->setCurrentIndex(0);
    m_author->setCurrentIndex(0);
    m_pinned->setChecked(false);
    m_quiet = false;
}

void TimelineFilterBar::emitFilter()
{
    if (!m_quiet)
        Q_EMIT filterChanged(filter());
}

} // namespace sitrep
