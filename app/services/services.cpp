#include "services.h"

#include "cadencesettings.h"

#include <QSettings>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace sitrep {

Services::Services(std::shared_ptr<Database> db, const Clock *clock, const QString &user)
    : incidents(ServiceContext{db, &m_feed, clock, user})
    , timeline(ServiceContext{db, &m_feed, clock, user})
    , situation(ServiceContext{db, &m_feed, clock, user})
    , checklists(ServiceContext{db, &m_feed, clock, user})
    , runbooks(ServiceContext{db, &m_feed, clock, user})
    , drills(ServiceContext{db, &m_feed, clock, user})
    , audiences(ServiceContext{db, &m_feed, clock, user})
    , updates(ServiceContext{db, &m_feed, clock, user}, &situation)
    , postmortems(ServiceContext{db, &m_feed, clock, user})
    , interchange(ServiceContext{db, &m_feed, clock, user})
    , m_db(db)
    , m_clock(clock)
    , m_user(user)
    , m_feed(db)
{
    updates.setCadencePolicy(loadCadencePolicy(QSettings()));
}

QString localUserName()
{
    const QString configured = QSettings().value(QStringLiteral("user/name")).toString().trimmed();
    if (!configured.isEmpty())
        return configured;
    for (const char *var : {"USER", "LOGNAME", "USERNAME"}) {
        const QString name = qEnvironmentVariable(var).trimmed();
        if (!name.isEmpty())
            return name;
    }
#ifdef Q_OS_UNIX
    // Services and CI jobs often run without USER set; the account name is still known.
    if (const passwd *account = getpwuid(getuid()); account && account->pw_name)
        return QString::fromLocal8Bit(account->pw_name);
#endif
    return QStringLiteral("unknown");
}

} // namespace sitrep
