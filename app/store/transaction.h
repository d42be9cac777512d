#pragma once

#include <QSqlDatabase>

namespace sitrep {

// Begins a write transaction; rolls it back on scope exit unless commit() was called. Uses
// BEGIN IMMEDIATE so two writers queue on the busy timeout instead of failing half-way.
// Nested use joins the outer transaction (only the outermost commits).
class Transaction final
{
public:
    explicit Transaction(const QSqlDatabase &db);
    ~Transaction();
    Q_DISABLE_COPY_MOVE(Transaction)

    void commit(); // throws StoreError when the commit fails

private:
    QSqlDatabase m_db;
    bool m_outermost = false;
    bool m_done = false;
};

} // namespace sitrep
