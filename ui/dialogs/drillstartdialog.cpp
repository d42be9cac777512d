#include "drillstartdialog.h"

#include "domain/drillrun.h"
#include "domain/drillscenario.h"
#include "domain/timeformat.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace sitrep {

namespace {

QByteArray readScenario(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(maxScenarioBytes + 1);
}

} // namespace

DrillStartDialog::DrillStartDialog(QWidget *parent)
    : QDialog(parent), m_scenario(new QComboBox(this)), m_speed(new QComboBox(this)), m_about(new QLabel(this))
{
    setObjectName(QStringLiteral("drillStartDialog"));
    setWindowTitle(tr("Run a drill — Sitrep"));
    const QDir bundled(QStringLiteral(":/scenarios"));
    for (const QString &name : bundled.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString path = bundled.filePath(name);
        const ScenarioParseResult parsed = parseDrillScenario(readScenario(path));
        m_scenario->addItem(parsed.ok() ? parsed.scenario->title : name, path);
    }
    for (int speed : {1, 2, 5, 10, 30, 60})
        m_speed->addItem(speed == 1 ? tr("Real time") : tr("%1× faster").arg(speed), speed);
    auto *browse = new QPushButton(tr("Open a scenario file…"), this);
    m_about->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Start the drill"));

    auto *form = new QFormLayout;
    form->addRow(tr("Scenario"), m_scenario);
    form->addRow(QString(), browse);
    form->addRow(tr("Speed"), m_speed);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_about);
    layout->addWidget(buttons);
    resize(560, 300);

    connect(browse, &QPushButton::clicked, this, &DrillStartDialog::chooseFile);
    connect(m_scenario, &QComboBox::currentIndexChanged, this, &DrillStartDialog::check);
    connect(m_speed, &QComboBox::currentIndexChanged, this, &DrillStartDialog::check);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    check();
}

void DrillStartDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a drill scenario"), QString(),
                                                      tr("Drill scenarios (*.json)"));
    if (path.isEmpty())
        return;
    m_scenario->addItem(QFileInfo(path).fileName(), path);
    m_scenario->setCurrentIndex(m_scenario->count() - 1);
}

void DrillStartDialog::check()
{
    const DrillChoice c = choice();
    const ScenarioParseResult parsed = parseDrillScenario(c.json);
    m_ok->setEnabled(parsed.ok());
    if (!parsed.ok()) {
        m_about->setStyleSheet(QStringLiteral("color: #c62828;"));
        m_about->setText(tr("%1 is not a usable scenario:\n%2").arg(c.source, parsed.errors.join(QLatin1Char('\n'))));
        return;
    }
    const qint64 duration = drillEndOffsetMs(*parsed.scenario);
    m_about->setStyleSheet(QString());
    m_about->setText(tr("%1\n\n%2 injects, %3 expectations; %4 of scenario time, %5 at this speed. "
                        "The incident is marked DRILL and kept out of metrics.")
                         .arg(parsed.scenario->impact)
                         .arg(parsed.scenario->injects.size())
                         .arg(parsed.scenario->expectations.size())
                         .arg(formatElapsed(duration), formatElapsed(realTimeAt(duration, 0, c.speed))));
}

DrillChoice DrillStartDialog::choice() const
{
    DrillChoice c;
    const QString path = m_scenario->currentData().toString();
    c.source = path.startsWith(QLatin1Char(':')) ? m_scenario->currentText() : QDir::toNativeSeparators(path);
    c.json = readScenario(path);
    c.speed = m_speed->currentData().toDouble();
    return c;
}

} // namespace sitrep
