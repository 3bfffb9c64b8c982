#!/usr/bin/env python3
"""Where an idle order's time goes, hop by hop, from what the suite already records.

For the orders of the last 55 s (run it right after `bench/run --rate 2 ...` on a running local suite):
  record -> consumer's transaction start : Kafka's delivery, SmallRye, the batch's transaction opening
                                           (applied_event.applied_at is now(), the transaction's start)
  transaction start -> next event's ce_time: the consumer's own work until it wrote its event to the outbox
  ce_time -> record                      : the rest of that transaction, its commit, the relay's wake-up and read
For StockReserved -> PaymentCaptured it also splits the provider call: payment.due_since (the consumer made the call
due), the provider's booking time (its ledger), PaymentCaptured's ce_time.

Needs kcat and psql; reads the local suite's admin password from .suite/secrets.
"""
import datetime, json, subprocess, urllib.request

SUITE = '.suite'
TOPICS = ['orders.order-created.v1', 'inventory.stock-reserved.v1', 'payments.payment-captured.v1',
          'orders.order-confirmed.v1']
CONSUMERS = ['inventory_service', 'payment_service', 'order_service']  # the database that applies TOPICS[i]


def ms(iso):
    return datetime.datetime.fromisoformat(iso.replace('Z', '+00:00')).timestamp() * 1000


def admin_password():
    for line in open(f'{SUITE}/secrets/database-passwords.properties'):
        if line.startswith('POSTGRES_ADMIN'):
            return line.split('=', 1)[1].strip()


def sql(database, query):
    out = subprocess.run(['psql', '-h', '127.0.0.1', '-p', '5433', '-U', 'postgres', '-d', database, '-At', '-F', ' ',
                          '-c', query], env={'PGPASSWORD': admin_password()}, capture_output=True, text=True,
                         check=True).stdout
    return [line.split(' ') for line in out.splitlines() if line]


def records(topic):
    out = subprocess.run(['kcat', '-b', '127.0.0.1:9092', '-C', '-t', topic, '-o', '-200', '-e', '-q', '-f',
                          '%k %T %h\\n'], capture_output=True, text=True, check=True).stdout
    found = {}
    for line in out.splitlines():
        key, timestamp, headers = line.split(' ', 2)
        header = dict(h.split('=', 1) for h in headers.split(','))
        found[key] = (int(timestamp), header['ce_id'], ms(header['ce_time']))
    return found


def quantiles(values):
    values = sorted(values)
    return f'p50 {values[len(values) // 2]:6.1f}  p90 {values[int(len(values) * 0.9)]:6.1f}  (n={len(values)})'


events = [records(topic) for topic in TOPICS]
applied = {db: {event: int(at) for event, at in sql(db, 'select event_id, '
                                                    '(extract(epoch from applied_at) * 1000)::bigint '
                                                    'from applied_event order by applied_at desc limit 3000')}
           for db in CONSUMERS}
newest = max(timestamp for timestamp, _, _ in events[0].values())
for i, database in enumerate(CONSUMERS):
    parts = ([], [], [], [])
    for order, (timestamp, event_id, _) in events[i].items():
        if timestamp < newest - 55_000 or order not in events[i + 1] or event_id not in applied[database]:
            continue
        next_timestamp, _, next_time = events[i + 1][order]
        start = applied[database][event_id]
        for part, value in zip(parts, (start - timestamp, next_time - start, next_timestamp - next_time,
                                       next_timestamp - timestamp)):
            part.append(value)
    print(f'{TOPICS[i]} -> {TOPICS[i + 1]}')
    for name, part in zip(('record -> transaction start', 'transaction start -> ce_time', 'ce_time -> record',
                           'hop'), parts):
        print(f'  {name:40s} {quantiles(part)}')

due = {order: float(at) for order, at in sql('payment_service', 'select order_id, extract(epoch from due_since) * '
                                             '1000 from payment where due_since is not null '
                                             'order by due_since desc limit 500')}
reserved, captured = events[1], events[2]
parts = ([], [], [])
for order, (timestamp, event_id, _) in reserved.items():
    if timestamp < newest - 55_000 or order not in captured or order not in due or event_id not in applied[
            'payment_service']:
        continue
    ledger = json.load(urllib.request.urlopen(f'http://127.0.0.1:8089/v1/ledger?orderId={order}'))
    if not ledger['captures']:
        continue
    booked = ms(ledger['captures'][0]['at'])
    for part, value in zip(parts, (due[order] - applied['payment_service'][event_id], booked - due[order],
                                   captured[order][2] - booked)):
        part.append(value)
print('StockReserved -> PaymentCaptured, inside payment-service')
for name, part in zip(('transaction start -> call due', 'call due -> provider booked',
                       'provider booked -> ce_time'), parts):
    print(f'  {name:40s} {quantiles(part)}')
