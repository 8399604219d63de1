-- The demo database's tables and rows, made once (run by psql in the database shop).
SET client_min_messages = warning;
SET ROLE drsuite_admin;
BEGIN;
CREATE TABLE IF NOT EXISTS customers (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name       text NOT NULL,
  email      text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS orders (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES customers (id),
  total_cents integer NOT NULL CHECK (total_cents >= 0),
  status      text NOT NULL DEFAULT 'NEW',
  created_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO customers (name, email)
SELECT 'Customer ' || i, 'customer' || i || '@example.com'
  FROM generate_series(1, 200) AS i
 WHERE NOT EXISTS (SELECT 1 FROM customers);
INSERT INTO orders (customer_id, total_cents, status)
SELECT 1 + (i % 200), 100 + (i * 37) % 10000,
       (ARRAY['NEW', 'PAID', 'SHIPPED'])[1 + i % 3]
  FROM generate_series(1, 500) AS i
 WHERE NOT EXISTS (SELECT 1 FROM orders);
COMMIT;
