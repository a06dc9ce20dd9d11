SELECT
  COUNT(*) AS "__rows",
  COUNT("t15"."__q0") AS "__q0_e",
  SUM(CAST("t15"."__q0" AS BIGINT)) AS "__q0_p",
  COUNT("t15"."__q1") AS "__q1_e",
  SUM(CAST("t15"."__q1" AS BIGINT)) AS "__q1_p",
  COUNT("t15"."__q2") AS "__q2_e",
  SUM(CAST("t15"."__q2" AS BIGINT)) AS "__q2_p",
  COUNT("t15"."__q3") AS "__q3_e",
  SUM(CAST("t15"."__q3" AS BIGINT)) AS "__q3_p",
  COUNT("t15"."__q4") AS "__q4_e",
  SUM(CAST("t15"."__q4" AS BIGINT)) AS "__q4_p",
  COUNT("t15"."__q5") AS "__q5_e",
  SUM(CAST("t15"."__q5" AS BIGINT)) AS "__q5_p",
  COUNT("t15"."__q6") AS "__q6_e",
  SUM(CAST("t15"."__q6" AS BIGINT)) AS "__q6_p",
  COUNT("t15"."__q7") AS "__q7_e",
  SUM(CAST("t15"."__q7" AS BIGINT)) AS "__q7_p",
  COUNT("t15"."__q8") AS "__q8_e",
  SUM(CAST("t15"."__q8" AS BIGINT)) AS "__q8_p",
  COUNT("t15"."__q9") AS "__q9_e",
  SUM(CAST("t15"."__q9" AS BIGINT)) AS "__q9_p",
  1 AS "__a0_e",
  CASE WHEN TRUE AND (
    COUNT(*) >= 1
  ) THEN 1 ELSE 0 END AS "__a0_p"
FROM (
  SELECT
    "t14"."xm",
    "t14"."sfzh",
    "t14"."mz",
    "t14"."xzqh",
    "t14"."csrq",
    "t14"."xb",
    "t14"."yhkh",
    "t14"."age",
    "t14"."start_date",
    "t14"."end_date",
    "t14"."__lk0",
    "t14"."__lk1",
    "t14"."__lk2",
    "t14"."__d_sfzh:id:null",
    "t14"."__d_sfzh:id:shape",
    "t14"."__d_sfzh:id:area_text",
    "t14"."__d_sfzh:id:area",
    "t14"."__d_sfzh:id:birth",
    "t14"."__d_sfzh:id:seq",
    "t14"."__d_sfzh:id:last",
    "t14"."__d_sfzh:id:shape15",
    "t14"."__d_sfzh:id:birth15_date",
    "t14"."__d_sfzh:id:birth_ok",
    "t14"."__d_yhkh:luhn16-19:null",
    "t14"."__d_yhkh:luhn16-19:shape",
    "t14"."__d_yhkh:luhn16-19:lo",
    "t14"."__d_yhkh:luhn16-19:hi",
    "t14"."__d_yhkh:luhn16-19:digit:d0",
    "t14"."__d_yhkh:luhn16-19:digit:d1",
    "t14"."__d_yhkh:luhn16-19:digit:d2",
    "t14"."__d_yhkh:luhn16-19:digit:d3",
    "t14"."__d_yhkh:luhn16-19:digit:d4",
    "t14"."__d_yhkh:luhn16-19:digit:d5",
    "t14"."__d_yhkh:luhn16-19:digit:d6",
    "t14"."__d_yhkh:luhn16-19:digit:d7",
    "t14"."__d_yhkh:luhn16-19:digit:d8",
    "t14"."__d_yhkh:luhn16-19:digit:d9",
    "t14"."__d_yhkh:luhn16-19:digit:d10",
    "t14"."__d_yhkh:luhn16-19:digit:d11",
    "t14"."__d_yhkh:luhn16-19:digit:d12",
    "t14"."__d_yhkh:luhn16-19:digit:d13",
    "t14"."__d_yhkh:luhn16-19:digit:d14",
    "t14"."__d_yhkh:luhn16-19:digit:d15",
    "t14"."__d_yhkh:luhn16-19:digit:d16",
    "t14"."__d_yhkh:luhn16-19:digit:d17",
    "t14"."__d_yhkh:luhn16-19:digit:d18",
    "t14"."__d_age:number:n",
    "t14"."__d_start_date:time:iso:iso",
    "t14"."__d_start_date:time:iso:date",
    "t14"."__d_end_date:time:iso:iso",
    "t14"."__d_end_date:time:iso:date",
    CAST("t14"."xm" IS NOT NULL AS TINYINT) AS "__q0",
    CAST(NOT (
      REGEXP_FULL_MATCH(
        "t14"."xm",
        '[ 	
            ​　﻿]*(?:NULL|null|Null|N/A|n/a|NA|\-\-|暂无|无|\-|—|空|/)?[ 	
            ​　﻿]*'
      )
    ) AS TINYINT) AS "__q1",
    CAST(CASE
      WHEN "t14"."__d_sfzh:id:null"
      THEN CAST(NULL AS BOOLEAN)
      ELSE COALESCE(
        "t14"."__d_sfzh:id:shape"
        AND (
          (
            (
              (
                "t14"."__d_sfzh:id:area" * 4
              ) + (
                (
                  "t14"."__d_sfzh:id:area" % 10
                ) * 1
              ) + (
                (
                  "t14"."__d_sfzh:id:area" % 100
                ) * 9
              ) + (
                (
                  "t14"."__d_sfzh:id:area" % 1000
                ) * 4
              ) + (
                (
                  "t14"."__d_sfzh:id:area" % 10000
                ) * 3
              ) + (
                (
                  "t14"."__d_sfzh:id:area" % 100000
                ) * 5
              ) + (
                (
                  "t14"."__d_sfzh:id:birth" * 9
                ) + (
                  (
                    "t14"."__d_sfzh:id:birth" % 10
                  ) * 4
                ) + (
                  (
                    "t14"."__d_sfzh:id:birth" % 100
                  ) * 3
                ) + (
                  (
                    "t14"."__d_sfzh:id:birth" % 1000
                  ) * 5
                ) + (
                  (
                    "t14"."__d_sfzh:id:birth" % 10000
                  ) * 1
                ) + (
                  (
                    "t14"."__d_sfzh:id:birth" % 100000
                  ) * 9
                ) + (
                  (
                    "t14"."__d_sfzh:id:birth" % 1000000
                  ) * 4
                ) + (
                  (
                    "t14"."__d_sfzh:id:birth" % 10000000
                  ) * 3
                )
              ) + (
                (
                  "t14"."__d_sfzh:id:seq" * 8
                ) + (
                  (
                    "t14"."__d_sfzh:id:seq" % 10
                  ) * 6
                ) + (
                  (
                    "t14"."__d_sfzh:id:seq" % 100
                  ) * 10
                )
              ) + CASE
                WHEN "t14"."__d_sfzh:id:last" = 'X'
                THEN 10
                ELSE TRY_CAST("t14"."__d_sfzh:id:last" AS BIGINT)
              END
            ) % 11
          ) = 1
        )
        AND "t14"."__d_sfzh:id:birth_ok"
        AND (
          "t14"."__d_sfzh:id:birth" <= 20260630
        )
        AND "t14"."__lk0",
        FALSE
      )
    END AS TINYINT) AS "__q2",
    CAST("t14"."__lk1" AS TINYINT) AS "__q3",
    CAST("t14"."__lk2" AS TINYINT) AS "__q4",
    CAST(CASE
      WHEN "t14"."__d_sfzh:id:shape"
      AND "t14"."__d_sfzh:id:birth_ok"
      AND (
        "t14"."__d_sfzh:id:birth" < 22010000
      )
      AND (
        "t14"."csrq" = SUBSTRING(
          "t14"."sfzh",
          CASE WHEN (
            6 + 1
          ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."sfzh") END,
          4
        ) || '-' || SUBSTRING(
          "t14"."sfzh",
          CASE WHEN (
            10 + 1
          ) >= 1 THEN 10 + 1 ELSE 10 + 1 + LENGTH("t14"."sfzh") END,
          2
        ) || '-' || SUBSTRING(
          "t14"."sfzh",
          CASE WHEN (
            12 + 1
          ) >= 1 THEN 12 + 1 ELSE 12 + 1 + LENGTH("t14"."sfzh") END,
          2
        )
      )
      THEN TRUE
      ELSE CASE
        WHEN "t14"."__d_sfzh:id:shape"
        THEN CASE
          WHEN SUBSTRING(
            "t14"."sfzh",
            CASE WHEN (
              6 + 1
            ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."sfzh") END,
            4
          ) >= '1800'
          THEN TRY_CAST(SUBSTRING(
            "t14"."sfzh",
            CASE WHEN (
              6 + 1
            ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."sfzh") END,
            4
          ) || '-' || SUBSTRING(
            "t14"."sfzh",
            CASE WHEN (
              10 + 1
            ) >= 1 THEN 10 + 1 ELSE 10 + 1 + LENGTH("t14"."sfzh") END,
            2
          ) || '-' || SUBSTRING(
            "t14"."sfzh",
            CASE WHEN (
              12 + 1
            ) >= 1 THEN 12 + 1 ELSE 12 + 1 + LENGTH("t14"."sfzh") END,
            2
          ) AS DATE)
          ELSE CAST(NULL AS DATE)
        END
        WHEN "t14"."__d_sfzh:id:shape15"
        THEN "t14"."__d_sfzh:id:birth15_date"
        ELSE CAST(NULL AS DATE)
      END = CASE
        WHEN REGEXP_FULL_MATCH(
          "t14"."csrq",
          '(1[89][0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])( ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9])?'
        )
        AND (
          TRY_CAST(SUBSTRING(
            "t14"."csrq",
            CASE WHEN (
              0 + 1
            ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."csrq") END,
            10
          ) AS DATE) IS NOT NULL
        )
        THEN TRY_CAST(SUBSTRING(
          "t14"."csrq",
          CASE WHEN (
            0 + 1
          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."csrq") END,
          10
        ) AS DATE)
        WHEN COALESCE(
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_FULL_MATCH("t14"."csrq", '[0-9]{8}')
                THEN SUBSTRING(
                  "t14"."csrq",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."csrq") END,
                  4
                ) || '-' || SUBSTRING(
                  "t14"."csrq",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."csrq") END,
                  2
                ) || '-' || SUBSTRING(
                  "t14"."csrq",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."csrq") END,
                  2
                )
                ELSE "t14"."csrq"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              1
            ),
            ''
          ) AS BIGINT) BETWEEN 1800 AND 2200
          AND CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_FULL_MATCH("t14"."csrq", '[0-9]{8}')
                THEN SUBSTRING(
                  "t14"."csrq",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."csrq") END,
                  4
                ) || '-' || SUBSTRING(
                  "t14"."csrq",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."csrq") END,
                  2
                ) || '-' || SUBSTRING(
                  "t14"."csrq",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."csrq") END,
                  2
                )
                ELSE "t14"."csrq"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              2
            ),
            ''
          ) AS BIGINT) BETWEEN 1 AND 12
          AND (
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_FULL_MATCH("t14"."csrq", '[0-9]{8}')
                  THEN SUBSTRING(
                    "t14"."csrq",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."csrq") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t14"."csrq",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."csrq") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t14"."csrq",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."csrq") END,
                    2
                  )
                  ELSE "t14"."csrq"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                3
              ),
              ''
            ) AS BIGINT) >= 1
          )
          AND (
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_FULL_MATCH("t14"."csrq", '[0-9]{8}')
                  THEN SUBSTRING(
                    "t14"."csrq",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."csrq") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t14"."csrq",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."csrq") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t14"."csrq",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."csrq") END,
                    2
                  )
                  ELSE "t14"."csrq"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                3
              ),
              ''
            ) AS BIGINT) <= CASE
              WHEN CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_FULL_MATCH("t14"."csrq", '[0-9]{8}')
                    THEN SUBSTRING(
                      "t14"."csrq",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."csrq") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t14"."csrq",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."csrq") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t14"."csrq",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."csrq") END,
                      2
                    )
                    ELSE "t14"."csrq"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  2
                ),
                ''
              ) AS BIGINT) = 2
              THEN CASE
                WHEN (
                  (
                    (
                      CAST(NULLIF(
                        REGEXP_EXTRACT(
                          CASE
                            WHEN REGEXP_FULL_MATCH("t14"."csrq", '[0-9]{8}')
                            THEN SUBSTRING(
                              "t14"."csrq",
                              CASE WHEN (
                                0 + 1
                              ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."csrq") END,
                              4
                            ) || '-' || SUBSTRING(
                              "t14"."csrq",
                              CASE WHEN (
                                4 + 1
                              ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."csrq") END,
                              2
                            ) || '-' || SUBSTRING(
                              "t14"."csrq",
                              CASE WHEN (
                                6 + 1
                              ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."csrq") END,
                              2
                            )
                            ELSE "t14"."csrq"
                          END,
                          '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                          1
                        ),
                        ''
                      ) AS BIGINT) % 4
                    ) = 0
                  )
                  AND (
                    (
                      CAST(NULLIF(
                        REGEXP_EXTRACT(
                          CASE
                            WHEN REGEXP_FULL_MATCH("t14"."csrq", '[0-9]{8}')
                            THEN SUBSTRING(
                              "t14"."csrq",
                              CASE WHEN (
                                0 + 1
                              ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."csrq") END,
                              4
                            ) || '-' || SUBSTRING(
                              "t14"."csrq",
                              CASE WHEN (
                                4 + 1
                              ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."csrq") END,
                              2
                            ) || '-' || SUBSTRING(
                              "t14"."csrq",
                              CASE WHEN (
                                6 + 1
                              ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."csrq") END,
                              2
                            )
                            ELSE "t14"."csrq"
                          END,
                          '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                          1
                        ),
                        ''
                      ) AS BIGINT) % 100
                    ) <> 0
                  )
                )
                OR (
                  (
                    CAST(NULLIF(
                      REGEXP_EXTRACT(
                        CASE
                          WHEN REGEXP_FULL_MATCH("t14"."csrq", '[0-9]{8}')
                          THEN SUBSTRING(
                            "t14"."csrq",
                            CASE WHEN (
                              0 + 1
                            ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."csrq") END,
                            4
                          ) || '-' || SUBSTRING(
                            "t14"."csrq",
                            CASE WHEN (
                              4 + 1
                            ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."csrq") END,
                            2
                          ) || '-' || SUBSTRING(
                            "t14"."csrq",
                            CASE WHEN (
                              6 + 1
                            ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."csrq") END,
                            2
                          )
                          ELSE "t14"."csrq"
                        END,
                        '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                        1
                      ),
                      ''
                    ) AS BIGINT) % 400
                  ) = 0
                )
                THEN 29
                ELSE 28
              END
              WHEN CONTAINS(
                ',4,6,9,11,',
                ',' || CAST(CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_FULL_MATCH("t14"."csrq", '[0-9]{8}')
                      THEN SUBSTRING(
                        "t14"."csrq",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."csrq") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t14"."csrq",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."csrq") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t14"."csrq",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."csrq") END,
                        2
                      )
                      ELSE "t14"."csrq"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    2
                  ),
                  ''
                ) AS BIGINT) AS TEXT) || ','
              )
              THEN 30
              ELSE 31
            END
          )
          AND (
            NOT (
              CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_FULL_MATCH("t14"."csrq", '[0-9]{8}')
                    THEN SUBSTRING(
                      "t14"."csrq",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."csrq") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t14"."csrq",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."csrq") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t14"."csrq",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."csrq") END,
                      2
                    )
                    ELSE "t14"."csrq"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  4
                ),
                ''
              ) AS BIGINT) IS NOT NULL
            )
            OR (
              CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_FULL_MATCH("t14"."csrq", '[0-9]{8}')
                    THEN SUBSTRING(
                      "t14"."csrq",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."csrq") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t14"."csrq",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."csrq") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t14"."csrq",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."csrq") END,
                      2
                    )
                    ELSE "t14"."csrq"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  4
                ),
                ''
              ) AS BIGINT) BETWEEN 0 AND 23
              AND CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_FULL_MATCH("t14"."csrq", '[0-9]{8}')
                    THEN SUBSTRING(
                      "t14"."csrq",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."csrq") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t14"."csrq",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."csrq") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t14"."csrq",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."csrq") END,
                      2
                    )
                    ELSE "t14"."csrq"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  5
                ),
                ''
              ) AS BIGINT) BETWEEN 0 AND 59
              AND (
                (
                  CAST(NULLIF(
                    REGEXP_EXTRACT(
                      CASE
                        WHEN REGEXP_FULL_MATCH("t14"."csrq", '[0-9]{8}')
                        THEN SUBSTRING(
                          "t14"."csrq",
                          CASE WHEN (
                            0 + 1
                          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."csrq") END,
                          4
                        ) || '-' || SUBSTRING(
                          "t14"."csrq",
                          CASE WHEN (
                            4 + 1
                          ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."csrq") END,
                          2
                        ) || '-' || SUBSTRING(
                          "t14"."csrq",
                          CASE WHEN (
                            6 + 1
                          ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."csrq") END,
                          2
                        )
                        ELSE "t14"."csrq"
                      END,
                      '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                      6
                    ),
                    ''
                  ) AS BIGINT) IS NULL
                )
                OR CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_FULL_MATCH("t14"."csrq", '[0-9]{8}')
                      THEN SUBSTRING(
                        "t14"."csrq",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."csrq") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t14"."csrq",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."csrq") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t14"."csrq",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."csrq") END,
                        2
                      )
                      ELSE "t14"."csrq"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    6
                  ),
                  ''
                ) AS BIGINT) BETWEEN 0 AND 59
              )
            )
          ),
          FALSE
        )
        THEN MAKE_DATE(
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_FULL_MATCH("t14"."csrq", '[0-9]{8}')
                THEN SUBSTRING(
                  "t14"."csrq",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."csrq") END,
                  4
                ) || '-' || SUBSTRING(
                  "t14"."csrq",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."csrq") END,
                  2
                ) || '-' || SUBSTRING(
                  "t14"."csrq",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."csrq") END,
                  2
                )
                ELSE "t14"."csrq"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              1
            ),
            ''
          ) AS BIGINT),
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_FULL_MATCH("t14"."csrq", '[0-9]{8}')
                THEN SUBSTRING(
                  "t14"."csrq",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."csrq") END,
                  4
                ) || '-' || SUBSTRING(
                  "t14"."csrq",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."csrq") END,
                  2
                ) || '-' || SUBSTRING(
                  "t14"."csrq",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."csrq") END,
                  2
                )
                ELSE "t14"."csrq"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              2
            ),
            ''
          ) AS BIGINT),
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_FULL_MATCH("t14"."csrq", '[0-9]{8}')
                THEN SUBSTRING(
                  "t14"."csrq",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."csrq") END,
                  4
                ) || '-' || SUBSTRING(
                  "t14"."csrq",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."csrq") END,
                  2
                ) || '-' || SUBSTRING(
                  "t14"."csrq",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."csrq") END,
                  2
                )
                ELSE "t14"."csrq"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              3
            ),
            ''
          ) AS BIGINT)
        )
        ELSE CAST(NULL AS DATE)
      END
    END AS TINYINT) AS "__q5",
    CAST((
      CASE
        WHEN "t14"."__d_sfzh:id:shape" OR "t14"."__d_sfzh:id:shape15"
        THEN "t14"."__d_sfzh:id:seq" % 10
        ELSE CAST(NULL AS BIGINT)
      END % 2
    ) = CASE "t14"."xb"
      WHEN '1'
      THEN 1
      WHEN '男'
      THEN 1
      WHEN '男性'
      THEN 1
      WHEN '2'
      THEN 0
      WHEN '女'
      THEN 0
      WHEN '女性'
      THEN 0
      ELSE CASE TRIM("t14"."xb", ' 	
')
        WHEN '1'
        THEN 1
        WHEN '男'
        THEN 1
        WHEN '男性'
        THEN 1
        WHEN '2'
        THEN 0
        WHEN '女'
        THEN 0
        WHEN '女性'
        THEN 0
        ELSE CAST(NULL AS BIGINT)
      END
    END AS TINYINT) AS "__q6",
    CAST(CASE
      WHEN "t14"."__d_yhkh:luhn16-19:null"
      THEN CAST(NULL AS BOOLEAN)
      ELSE COALESCE(
        "t14"."__d_yhkh:luhn16-19:shape"
        AND (
          (
            (
              0 + "t14"."__d_yhkh:luhn16-19:digit:d0" + (
                (
                  "t14"."__d_yhkh:luhn16-19:digit:d1" * 2
                ) - (
                  CAST("t14"."__d_yhkh:luhn16-19:digit:d1" >= 5 AS BIGINT) * 9
                )
              ) + "t14"."__d_yhkh:luhn16-19:digit:d2" + (
                (
                  "t14"."__d_yhkh:luhn16-19:digit:d3" * 2
                ) - (
                  CAST("t14"."__d_yhkh:luhn16-19:digit:d3" >= 5 AS BIGINT) * 9
                )
              ) + "t14"."__d_yhkh:luhn16-19:digit:d4" + (
                (
                  "t14"."__d_yhkh:luhn16-19:digit:d5" * 2
                ) - (
                  CAST("t14"."__d_yhkh:luhn16-19:digit:d5" >= 5 AS BIGINT) * 9
                )
              ) + "t14"."__d_yhkh:luhn16-19:digit:d6" + (
                (
                  "t14"."__d_yhkh:luhn16-19:digit:d7" * 2
                ) - (
                  CAST("t14"."__d_yhkh:luhn16-19:digit:d7" >= 5 AS BIGINT) * 9
                )
              ) + "t14"."__d_yhkh:luhn16-19:digit:d8" + (
                (
                  "t14"."__d_yhkh:luhn16-19:digit:d9" * 2
                ) - (
                  CAST("t14"."__d_yhkh:luhn16-19:digit:d9" >= 5 AS BIGINT) * 9
                )
              ) + "t14"."__d_yhkh:luhn16-19:digit:d10" + (
                (
                  "t14"."__d_yhkh:luhn16-19:digit:d11" * 2
                ) - (
                  CAST("t14"."__d_yhkh:luhn16-19:digit:d11" >= 5 AS BIGINT) * 9
                )
              ) + "t14"."__d_yhkh:luhn16-19:digit:d12" + (
                (
                  "t14"."__d_yhkh:luhn16-19:digit:d13" * 2
                ) - (
                  CAST("t14"."__d_yhkh:luhn16-19:digit:d13" >= 5 AS BIGINT) * 9
                )
              ) + "t14"."__d_yhkh:luhn16-19:digit:d14" + (
                (
                  "t14"."__d_yhkh:luhn16-19:digit:d15" * 2
                ) - (
                  CAST("t14"."__d_yhkh:luhn16-19:digit:d15" >= 5 AS BIGINT) * 9
                )
              ) + "t14"."__d_yhkh:luhn16-19:digit:d16" + (
                (
                  "t14"."__d_yhkh:luhn16-19:digit:d17" * 2
                ) - (
                  CAST("t14"."__d_yhkh:luhn16-19:digit:d17" >= 5 AS BIGINT) * 9
                )
              ) + "t14"."__d_yhkh:luhn16-19:digit:d18"
            ) % 10
          ) = 0
        ),
        FALSE
      )
    END AS TINYINT) AS "__q7",
    CAST(CASE
      WHEN COALESCE("t14"."xb" = '1', FALSE)
      THEN CASE
        WHEN "t14"."age" IS NULL
        THEN CAST(NULL AS BOOLEAN)
        ELSE COALESCE("t14"."__d_age:number:n" BETWEEN 0 AND 150, FALSE)
      END
      ELSE CAST(NULL AS BOOLEAN)
    END AS TINYINT) AS "__q8",
    CAST(CASE
      WHEN (
        CASE
          WHEN "t14"."__d_start_date:time:iso:iso"
          AND (
            "t14"."__d_start_date:time:iso:date" IS NOT NULL
          )
          THEN "t14"."__d_start_date:time:iso:date"
          WHEN COALESCE(
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                  THEN SUBSTRING(
                    "t14"."start_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t14"."start_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t14"."start_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                    2
                  )
                  ELSE "t14"."start_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                1
              ),
              ''
            ) AS BIGINT) BETWEEN 1800 AND 2200
            AND CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                  THEN SUBSTRING(
                    "t14"."start_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t14"."start_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t14"."start_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                    2
                  )
                  ELSE "t14"."start_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                2
              ),
              ''
            ) AS BIGINT) BETWEEN 1 AND 12
            AND (
              CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                    THEN SUBSTRING(
                      "t14"."start_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t14"."start_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t14"."start_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                      2
                    )
                    ELSE "t14"."start_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  3
                ),
                ''
              ) AS BIGINT) >= 1
            )
            AND (
              CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                    THEN SUBSTRING(
                      "t14"."start_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t14"."start_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t14"."start_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                      2
                    )
                    ELSE "t14"."start_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  3
                ),
                ''
              ) AS BIGINT) <= CASE
                WHEN CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                      THEN SUBSTRING(
                        "t14"."start_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t14"."start_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t14"."start_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                        2
                      )
                      ELSE "t14"."start_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    2
                  ),
                  ''
                ) AS BIGINT) = 2
                THEN CASE
                  WHEN (
                    (
                      (
                        CAST(NULLIF(
                          REGEXP_EXTRACT(
                            CASE
                              WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                              THEN SUBSTRING(
                                "t14"."start_date",
                                CASE WHEN (
                                  0 + 1
                                ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                                4
                              ) || '-' || SUBSTRING(
                                "t14"."start_date",
                                CASE WHEN (
                                  4 + 1
                                ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                                2
                              ) || '-' || SUBSTRING(
                                "t14"."start_date",
                                CASE WHEN (
                                  6 + 1
                                ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                                2
                              )
                              ELSE "t14"."start_date"
                            END,
                            '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                            1
                          ),
                          ''
                        ) AS BIGINT) % 4
                      ) = 0
                    )
                    AND (
                      (
                        CAST(NULLIF(
                          REGEXP_EXTRACT(
                            CASE
                              WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                              THEN SUBSTRING(
                                "t14"."start_date",
                                CASE WHEN (
                                  0 + 1
                                ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                                4
                              ) || '-' || SUBSTRING(
                                "t14"."start_date",
                                CASE WHEN (
                                  4 + 1
                                ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                                2
                              ) || '-' || SUBSTRING(
                                "t14"."start_date",
                                CASE WHEN (
                                  6 + 1
                                ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                                2
                              )
                              ELSE "t14"."start_date"
                            END,
                            '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                            1
                          ),
                          ''
                        ) AS BIGINT) % 100
                      ) <> 0
                    )
                  )
                  OR (
                    (
                      CAST(NULLIF(
                        REGEXP_EXTRACT(
                          CASE
                            WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                            THEN SUBSTRING(
                              "t14"."start_date",
                              CASE WHEN (
                                0 + 1
                              ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                              4
                            ) || '-' || SUBSTRING(
                              "t14"."start_date",
                              CASE WHEN (
                                4 + 1
                              ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                              2
                            ) || '-' || SUBSTRING(
                              "t14"."start_date",
                              CASE WHEN (
                                6 + 1
                              ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                              2
                            )
                            ELSE "t14"."start_date"
                          END,
                          '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                          1
                        ),
                        ''
                      ) AS BIGINT) % 400
                    ) = 0
                  )
                  THEN 29
                  ELSE 28
                END
                WHEN CONTAINS(
                  ',4,6,9,11,',
                  ',' || CAST(CAST(NULLIF(
                    REGEXP_EXTRACT(
                      CASE
                        WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                        THEN SUBSTRING(
                          "t14"."start_date",
                          CASE WHEN (
                            0 + 1
                          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                          4
                        ) || '-' || SUBSTRING(
                          "t14"."start_date",
                          CASE WHEN (
                            4 + 1
                          ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                          2
                        ) || '-' || SUBSTRING(
                          "t14"."start_date",
                          CASE WHEN (
                            6 + 1
                          ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                          2
                        )
                        ELSE "t14"."start_date"
                      END,
                      '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                      2
                    ),
                    ''
                  ) AS BIGINT) AS TEXT) || ','
                )
                THEN 30
                ELSE 31
              END
            )
            AND (
              NOT (
                CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                      THEN SUBSTRING(
                        "t14"."start_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t14"."start_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t14"."start_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                        2
                      )
                      ELSE "t14"."start_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    4
                  ),
                  ''
                ) AS BIGINT) IS NOT NULL
              )
              OR (
                CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                      THEN SUBSTRING(
                        "t14"."start_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t14"."start_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t14"."start_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                        2
                      )
                      ELSE "t14"."start_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    4
                  ),
                  ''
                ) AS BIGINT) BETWEEN 0 AND 23
                AND CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                      THEN SUBSTRING(
                        "t14"."start_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t14"."start_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t14"."start_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                        2
                      )
                      ELSE "t14"."start_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    5
                  ),
                  ''
                ) AS BIGINT) BETWEEN 0 AND 59
                AND (
                  (
                    CAST(NULLIF(
                      REGEXP_EXTRACT(
                        CASE
                          WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                          THEN SUBSTRING(
                            "t14"."start_date",
                            CASE WHEN (
                              0 + 1
                            ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                            4
                          ) || '-' || SUBSTRING(
                            "t14"."start_date",
                            CASE WHEN (
                              4 + 1
                            ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                            2
                          ) || '-' || SUBSTRING(
                            "t14"."start_date",
                            CASE WHEN (
                              6 + 1
                            ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                            2
                          )
                          ELSE "t14"."start_date"
                        END,
                        '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                        6
                      ),
                      ''
                    ) AS BIGINT) IS NULL
                  )
                  OR CAST(NULLIF(
                    REGEXP_EXTRACT(
                      CASE
                        WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                        THEN SUBSTRING(
                          "t14"."start_date",
                          CASE WHEN (
                            0 + 1
                          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                          4
                        ) || '-' || SUBSTRING(
                          "t14"."start_date",
                          CASE WHEN (
                            4 + 1
                          ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                          2
                        ) || '-' || SUBSTRING(
                          "t14"."start_date",
                          CASE WHEN (
                            6 + 1
                          ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                          2
                        )
                        ELSE "t14"."start_date"
                      END,
                      '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                      6
                    ),
                    ''
                  ) AS BIGINT) BETWEEN 0 AND 59
                )
              )
            ),
            FALSE
          )
          THEN MAKE_DATE(
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                  THEN SUBSTRING(
                    "t14"."start_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t14"."start_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t14"."start_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                    2
                  )
                  ELSE "t14"."start_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                1
              ),
              ''
            ) AS BIGINT),
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                  THEN SUBSTRING(
                    "t14"."start_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t14"."start_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t14"."start_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                    2
                  )
                  ELSE "t14"."start_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                2
              ),
              ''
            ) AS BIGINT),
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                  THEN SUBSTRING(
                    "t14"."start_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t14"."start_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t14"."start_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                    2
                  )
                  ELSE "t14"."start_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                3
              ),
              ''
            ) AS BIGINT)
          )
          ELSE CAST(NULL AS DATE)
        END IS NULL
      )
      OR (
        CASE
          WHEN "t14"."__d_end_date:time:iso:iso"
          AND (
            "t14"."__d_end_date:time:iso:date" IS NOT NULL
          )
          THEN "t14"."__d_end_date:time:iso:date"
          WHEN COALESCE(
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                  THEN SUBSTRING(
                    "t14"."end_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t14"."end_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t14"."end_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                    2
                  )
                  ELSE "t14"."end_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                1
              ),
              ''
            ) AS BIGINT) BETWEEN 1800 AND 2200
            AND CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                  THEN SUBSTRING(
                    "t14"."end_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t14"."end_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t14"."end_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                    2
                  )
                  ELSE "t14"."end_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                2
              ),
              ''
            ) AS BIGINT) BETWEEN 1 AND 12
            AND (
              CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                    THEN SUBSTRING(
                      "t14"."end_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t14"."end_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t14"."end_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                      2
                    )
                    ELSE "t14"."end_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  3
                ),
                ''
              ) AS BIGINT) >= 1
            )
            AND (
              CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                    THEN SUBSTRING(
                      "t14"."end_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t14"."end_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t14"."end_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                      2
                    )
                    ELSE "t14"."end_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  3
                ),
                ''
              ) AS BIGINT) <= CASE
                WHEN CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                      THEN SUBSTRING(
                        "t14"."end_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t14"."end_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t14"."end_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                        2
                      )
                      ELSE "t14"."end_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    2
                  ),
                  ''
                ) AS BIGINT) = 2
                THEN CASE
                  WHEN (
                    (
                      (
                        CAST(NULLIF(
                          REGEXP_EXTRACT(
                            CASE
                              WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                              THEN SUBSTRING(
                                "t14"."end_date",
                                CASE WHEN (
                                  0 + 1
                                ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                                4
                              ) || '-' || SUBSTRING(
                                "t14"."end_date",
                                CASE WHEN (
                                  4 + 1
                                ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                                2
                              ) || '-' || SUBSTRING(
                                "t14"."end_date",
                                CASE WHEN (
                                  6 + 1
                                ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                                2
                              )
                              ELSE "t14"."end_date"
                            END,
                            '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                            1
                          ),
                          ''
                        ) AS BIGINT) % 4
                      ) = 0
                    )
                    AND (
                      (
                        CAST(NULLIF(
                          REGEXP_EXTRACT(
                            CASE
                              WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                              THEN SUBSTRING(
                                "t14"."end_date",
                                CASE WHEN (
                                  0 + 1
                                ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                                4
                              ) || '-' || SUBSTRING(
                                "t14"."end_date",
                                CASE WHEN (
                                  4 + 1
                                ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                                2
                              ) || '-' || SUBSTRING(
                                "t14"."end_date",
                                CASE WHEN (
                                  6 + 1
                                ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                                2
                              )
                              ELSE "t14"."end_date"
                            END,
                            '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                            1
                          ),
                          ''
                        ) AS BIGINT) % 100
                      ) <> 0
                    )
                  )
                  OR (
                    (
                      CAST(NULLIF(
                        REGEXP_EXTRACT(
                          CASE
                            WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                            THEN SUBSTRING(
                              "t14"."end_date",
                              CASE WHEN (
                                0 + 1
                              ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                              4
                            ) || '-' || SUBSTRING(
                              "t14"."end_date",
                              CASE WHEN (
                                4 + 1
                              ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                              2
                            ) || '-' || SUBSTRING(
                              "t14"."end_date",
                              CASE WHEN (
                                6 + 1
                              ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                              2
                            )
                            ELSE "t14"."end_date"
                          END,
                          '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                          1
                        ),
                        ''
                      ) AS BIGINT) % 400
                    ) = 0
                  )
                  THEN 29
                  ELSE 28
                END
                WHEN CONTAINS(
                  ',4,6,9,11,',
                  ',' || CAST(CAST(NULLIF(
                    REGEXP_EXTRACT(
                      CASE
                        WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                        THEN SUBSTRING(
                          "t14"."end_date",
                          CASE WHEN (
                            0 + 1
                          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                          4
                        ) || '-' || SUBSTRING(
                          "t14"."end_date",
                          CASE WHEN (
                            4 + 1
                          ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                          2
                        ) || '-' || SUBSTRING(
                          "t14"."end_date",
                          CASE WHEN (
                            6 + 1
                          ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                          2
                        )
                        ELSE "t14"."end_date"
                      END,
                      '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                      2
                    ),
                    ''
                  ) AS BIGINT) AS TEXT) || ','
                )
                THEN 30
                ELSE 31
              END
            )
            AND (
              NOT (
                CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                      THEN SUBSTRING(
                        "t14"."end_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t14"."end_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t14"."end_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                        2
                      )
                      ELSE "t14"."end_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    4
                  ),
                  ''
                ) AS BIGINT) IS NOT NULL
              )
              OR (
                CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                      THEN SUBSTRING(
                        "t14"."end_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t14"."end_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t14"."end_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                        2
                      )
                      ELSE "t14"."end_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    4
                  ),
                  ''
                ) AS BIGINT) BETWEEN 0 AND 23
                AND CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                      THEN SUBSTRING(
                        "t14"."end_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t14"."end_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t14"."end_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                        2
                      )
                      ELSE "t14"."end_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    5
                  ),
                  ''
                ) AS BIGINT) BETWEEN 0 AND 59
                AND (
                  (
                    CAST(NULLIF(
                      REGEXP_EXTRACT(
                        CASE
                          WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                          THEN SUBSTRING(
                            "t14"."end_date",
                            CASE WHEN (
                              0 + 1
                            ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                            4
                          ) || '-' || SUBSTRING(
                            "t14"."end_date",
                            CASE WHEN (
                              4 + 1
                            ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                            2
                          ) || '-' || SUBSTRING(
                            "t14"."end_date",
                            CASE WHEN (
                              6 + 1
                            ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                            2
                          )
                          ELSE "t14"."end_date"
                        END,
                        '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                        6
                      ),
                      ''
                    ) AS BIGINT) IS NULL
                  )
                  OR CAST(NULLIF(
                    REGEXP_EXTRACT(
                      CASE
                        WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                        THEN SUBSTRING(
                          "t14"."end_date",
                          CASE WHEN (
                            0 + 1
                          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                          4
                        ) || '-' || SUBSTRING(
                          "t14"."end_date",
                          CASE WHEN (
                            4 + 1
                          ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                          2
                        ) || '-' || SUBSTRING(
                          "t14"."end_date",
                          CASE WHEN (
                            6 + 1
                          ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                          2
                        )
                        ELSE "t14"."end_date"
                      END,
                      '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                      6
                    ),
                    ''
                  ) AS BIGINT) BETWEEN 0 AND 59
                )
              )
            ),
            FALSE
          )
          THEN MAKE_DATE(
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                  THEN SUBSTRING(
                    "t14"."end_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t14"."end_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t14"."end_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                    2
                  )
                  ELSE "t14"."end_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                1
              ),
              ''
            ) AS BIGINT),
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                  THEN SUBSTRING(
                    "t14"."end_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t14"."end_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t14"."end_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                    2
                  )
                  ELSE "t14"."end_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                2
              ),
              ''
            ) AS BIGINT),
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                  THEN SUBSTRING(
                    "t14"."end_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t14"."end_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t14"."end_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                    2
                  )
                  ELSE "t14"."end_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                3
              ),
              ''
            ) AS BIGINT)
          )
          ELSE CAST(NULL AS DATE)
        END IS NULL
      )
      THEN CAST(NULL AS BOOLEAN)
      ELSE CASE
        WHEN "t14"."__d_start_date:time:iso:iso"
        AND (
          "t14"."__d_start_date:time:iso:date" IS NOT NULL
        )
        THEN "t14"."__d_start_date:time:iso:date"
        WHEN COALESCE(
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                THEN SUBSTRING(
                  "t14"."start_date",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                  4
                ) || '-' || SUBSTRING(
                  "t14"."start_date",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                  2
                ) || '-' || SUBSTRING(
                  "t14"."start_date",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                  2
                )
                ELSE "t14"."start_date"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              1
            ),
            ''
          ) AS BIGINT) BETWEEN 1800 AND 2200
          AND CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                THEN SUBSTRING(
                  "t14"."start_date",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                  4
                ) || '-' || SUBSTRING(
                  "t14"."start_date",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                  2
                ) || '-' || SUBSTRING(
                  "t14"."start_date",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                  2
                )
                ELSE "t14"."start_date"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              2
            ),
            ''
          ) AS BIGINT) BETWEEN 1 AND 12
          AND (
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                  THEN SUBSTRING(
                    "t14"."start_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t14"."start_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t14"."start_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                    2
                  )
                  ELSE "t14"."start_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                3
              ),
              ''
            ) AS BIGINT) >= 1
          )
          AND (
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                  THEN SUBSTRING(
                    "t14"."start_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t14"."start_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t14"."start_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                    2
                  )
                  ELSE "t14"."start_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                3
              ),
              ''
            ) AS BIGINT) <= CASE
              WHEN CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                    THEN SUBSTRING(
                      "t14"."start_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t14"."start_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t14"."start_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                      2
                    )
                    ELSE "t14"."start_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  2
                ),
                ''
              ) AS BIGINT) = 2
              THEN CASE
                WHEN (
                  (
                    (
                      CAST(NULLIF(
                        REGEXP_EXTRACT(
                          CASE
                            WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                            THEN SUBSTRING(
                              "t14"."start_date",
                              CASE WHEN (
                                0 + 1
                              ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                              4
                            ) || '-' || SUBSTRING(
                              "t14"."start_date",
                              CASE WHEN (
                                4 + 1
                              ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                              2
                            ) || '-' || SUBSTRING(
                              "t14"."start_date",
                              CASE WHEN (
                                6 + 1
                              ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                              2
                            )
                            ELSE "t14"."start_date"
                          END,
                          '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                          1
                        ),
                        ''
                      ) AS BIGINT) % 4
                    ) = 0
                  )
                  AND (
                    (
                      CAST(NULLIF(
                        REGEXP_EXTRACT(
                          CASE
                            WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                            THEN SUBSTRING(
                              "t14"."start_date",
                              CASE WHEN (
                                0 + 1
                              ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                              4
                            ) || '-' || SUBSTRING(
                              "t14"."start_date",
                              CASE WHEN (
                                4 + 1
                              ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                              2
                            ) || '-' || SUBSTRING(
                              "t14"."start_date",
                              CASE WHEN (
                                6 + 1
                              ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                              2
                            )
                            ELSE "t14"."start_date"
                          END,
                          '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                          1
                        ),
                        ''
                      ) AS BIGINT) % 100
                    ) <> 0
                  )
                )
                OR (
                  (
                    CAST(NULLIF(
                      REGEXP_EXTRACT(
                        CASE
                          WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                          THEN SUBSTRING(
                            "t14"."start_date",
                            CASE WHEN (
                              0 + 1
                            ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                            4
                          ) || '-' || SUBSTRING(
                            "t14"."start_date",
                            CASE WHEN (
                              4 + 1
                            ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                            2
                          ) || '-' || SUBSTRING(
                            "t14"."start_date",
                            CASE WHEN (
                              6 + 1
                            ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                            2
                          )
                          ELSE "t14"."start_date"
                        END,
                        '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                        1
                      ),
                      ''
                    ) AS BIGINT) % 400
                  ) = 0
                )
                THEN 29
                ELSE 28
              END
              WHEN CONTAINS(
                ',4,6,9,11,',
                ',' || CAST(CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                      THEN SUBSTRING(
                        "t14"."start_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t14"."start_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t14"."start_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                        2
                      )
                      ELSE "t14"."start_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    2
                  ),
                  ''
                ) AS BIGINT) AS TEXT) || ','
              )
              THEN 30
              ELSE 31
            END
          )
          AND (
            NOT (
              CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                    THEN SUBSTRING(
                      "t14"."start_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t14"."start_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t14"."start_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                      2
                    )
                    ELSE "t14"."start_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  4
                ),
                ''
              ) AS BIGINT) IS NOT NULL
            )
            OR (
              CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                    THEN SUBSTRING(
                      "t14"."start_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t14"."start_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t14"."start_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                      2
                    )
                    ELSE "t14"."start_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  4
                ),
                ''
              ) AS BIGINT) BETWEEN 0 AND 23
              AND CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                    THEN SUBSTRING(
                      "t14"."start_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t14"."start_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t14"."start_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                      2
                    )
                    ELSE "t14"."start_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  5
                ),
                ''
              ) AS BIGINT) BETWEEN 0 AND 59
              AND (
                (
                  CAST(NULLIF(
                    REGEXP_EXTRACT(
                      CASE
                        WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                        THEN SUBSTRING(
                          "t14"."start_date",
                          CASE WHEN (
                            0 + 1
                          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                          4
                        ) || '-' || SUBSTRING(
                          "t14"."start_date",
                          CASE WHEN (
                            4 + 1
                          ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                          2
                        ) || '-' || SUBSTRING(
                          "t14"."start_date",
                          CASE WHEN (
                            6 + 1
                          ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                          2
                        )
                        ELSE "t14"."start_date"
                      END,
                      '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                      6
                    ),
                    ''
                  ) AS BIGINT) IS NULL
                )
                OR CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                      THEN SUBSTRING(
                        "t14"."start_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t14"."start_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t14"."start_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                        2
                      )
                      ELSE "t14"."start_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    6
                  ),
                  ''
                ) AS BIGINT) BETWEEN 0 AND 59
              )
            )
          ),
          FALSE
        )
        THEN MAKE_DATE(
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                THEN SUBSTRING(
                  "t14"."start_date",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                  4
                ) || '-' || SUBSTRING(
                  "t14"."start_date",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                  2
                ) || '-' || SUBSTRING(
                  "t14"."start_date",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                  2
                )
                ELSE "t14"."start_date"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              1
            ),
            ''
          ) AS BIGINT),
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                THEN SUBSTRING(
                  "t14"."start_date",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                  4
                ) || '-' || SUBSTRING(
                  "t14"."start_date",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                  2
                ) || '-' || SUBSTRING(
                  "t14"."start_date",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                  2
                )
                ELSE "t14"."start_date"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              2
            ),
            ''
          ) AS BIGINT),
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_FULL_MATCH("t14"."start_date", '[0-9]{8}')
                THEN SUBSTRING(
                  "t14"."start_date",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."start_date") END,
                  4
                ) || '-' || SUBSTRING(
                  "t14"."start_date",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."start_date") END,
                  2
                ) || '-' || SUBSTRING(
                  "t14"."start_date",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."start_date") END,
                  2
                )
                ELSE "t14"."start_date"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              3
            ),
            ''
          ) AS BIGINT)
        )
        ELSE CAST(NULL AS DATE)
      END <= CASE
        WHEN "t14"."__d_end_date:time:iso:iso"
        AND (
          "t14"."__d_end_date:time:iso:date" IS NOT NULL
        )
        THEN "t14"."__d_end_date:time:iso:date"
        WHEN COALESCE(
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                THEN SUBSTRING(
                  "t14"."end_date",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                  4
                ) || '-' || SUBSTRING(
                  "t14"."end_date",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                  2
                ) || '-' || SUBSTRING(
                  "t14"."end_date",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                  2
                )
                ELSE "t14"."end_date"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              1
            ),
            ''
          ) AS BIGINT) BETWEEN 1800 AND 2200
          AND CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                THEN SUBSTRING(
                  "t14"."end_date",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                  4
                ) || '-' || SUBSTRING(
                  "t14"."end_date",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                  2
                ) || '-' || SUBSTRING(
                  "t14"."end_date",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                  2
                )
                ELSE "t14"."end_date"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              2
            ),
            ''
          ) AS BIGINT) BETWEEN 1 AND 12
          AND (
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                  THEN SUBSTRING(
                    "t14"."end_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t14"."end_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t14"."end_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                    2
                  )
                  ELSE "t14"."end_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                3
              ),
              ''
            ) AS BIGINT) >= 1
          )
          AND (
            CAST(NULLIF(
              REGEXP_EXTRACT(
                CASE
                  WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                  THEN SUBSTRING(
                    "t14"."end_date",
                    CASE WHEN (
                      0 + 1
                    ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                    4
                  ) || '-' || SUBSTRING(
                    "t14"."end_date",
                    CASE WHEN (
                      4 + 1
                    ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                    2
                  ) || '-' || SUBSTRING(
                    "t14"."end_date",
                    CASE WHEN (
                      6 + 1
                    ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                    2
                  )
                  ELSE "t14"."end_date"
                END,
                '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                3
              ),
              ''
            ) AS BIGINT) <= CASE
              WHEN CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                    THEN SUBSTRING(
                      "t14"."end_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t14"."end_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t14"."end_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                      2
                    )
                    ELSE "t14"."end_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  2
                ),
                ''
              ) AS BIGINT) = 2
              THEN CASE
                WHEN (
                  (
                    (
                      CAST(NULLIF(
                        REGEXP_EXTRACT(
                          CASE
                            WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                            THEN SUBSTRING(
                              "t14"."end_date",
                              CASE WHEN (
                                0 + 1
                              ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                              4
                            ) || '-' || SUBSTRING(
                              "t14"."end_date",
                              CASE WHEN (
                                4 + 1
                              ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                              2
                            ) || '-' || SUBSTRING(
                              "t14"."end_date",
                              CASE WHEN (
                                6 + 1
                              ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                              2
                            )
                            ELSE "t14"."end_date"
                          END,
                          '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                          1
                        ),
                        ''
                      ) AS BIGINT) % 4
                    ) = 0
                  )
                  AND (
                    (
                      CAST(NULLIF(
                        REGEXP_EXTRACT(
                          CASE
                            WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                            THEN SUBSTRING(
                              "t14"."end_date",
                              CASE WHEN (
                                0 + 1
                              ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                              4
                            ) || '-' || SUBSTRING(
                              "t14"."end_date",
                              CASE WHEN (
                                4 + 1
                              ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                              2
                            ) || '-' || SUBSTRING(
                              "t14"."end_date",
                              CASE WHEN (
                                6 + 1
                              ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                              2
                            )
                            ELSE "t14"."end_date"
                          END,
                          '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                          1
                        ),
                        ''
                      ) AS BIGINT) % 100
                    ) <> 0
                  )
                )
                OR (
                  (
                    CAST(NULLIF(
                      REGEXP_EXTRACT(
                        CASE
                          WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                          THEN SUBSTRING(
                            "t14"."end_date",
                            CASE WHEN (
                              0 + 1
                            ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                            4
                          ) || '-' || SUBSTRING(
                            "t14"."end_date",
                            CASE WHEN (
                              4 + 1
                            ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                            2
                          ) || '-' || SUBSTRING(
                            "t14"."end_date",
                            CASE WHEN (
                              6 + 1
                            ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                            2
                          )
                          ELSE "t14"."end_date"
                        END,
                        '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                        1
                      ),
                      ''
                    ) AS BIGINT) % 400
                  ) = 0
                )
                THEN 29
                ELSE 28
              END
              WHEN CONTAINS(
                ',4,6,9,11,',
                ',' || CAST(CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                      THEN SUBSTRING(
                        "t14"."end_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t14"."end_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t14"."end_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                        2
                      )
                      ELSE "t14"."end_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    2
                  ),
                  ''
                ) AS BIGINT) AS TEXT) || ','
              )
              THEN 30
              ELSE 31
            END
          )
          AND (
            NOT (
              CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                    THEN SUBSTRING(
                      "t14"."end_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t14"."end_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t14"."end_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                      2
                    )
                    ELSE "t14"."end_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  4
                ),
                ''
              ) AS BIGINT) IS NOT NULL
            )
            OR (
              CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                    THEN SUBSTRING(
                      "t14"."end_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t14"."end_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t14"."end_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                      2
                    )
                    ELSE "t14"."end_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  4
                ),
                ''
              ) AS BIGINT) BETWEEN 0 AND 23
              AND CAST(NULLIF(
                REGEXP_EXTRACT(
                  CASE
                    WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                    THEN SUBSTRING(
                      "t14"."end_date",
                      CASE WHEN (
                        0 + 1
                      ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                      4
                    ) || '-' || SUBSTRING(
                      "t14"."end_date",
                      CASE WHEN (
                        4 + 1
                      ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                      2
                    ) || '-' || SUBSTRING(
                      "t14"."end_date",
                      CASE WHEN (
                        6 + 1
                      ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                      2
                    )
                    ELSE "t14"."end_date"
                  END,
                  '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                  5
                ),
                ''
              ) AS BIGINT) BETWEEN 0 AND 59
              AND (
                (
                  CAST(NULLIF(
                    REGEXP_EXTRACT(
                      CASE
                        WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                        THEN SUBSTRING(
                          "t14"."end_date",
                          CASE WHEN (
                            0 + 1
                          ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                          4
                        ) || '-' || SUBSTRING(
                          "t14"."end_date",
                          CASE WHEN (
                            4 + 1
                          ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                          2
                        ) || '-' || SUBSTRING(
                          "t14"."end_date",
                          CASE WHEN (
                            6 + 1
                          ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                          2
                        )
                        ELSE "t14"."end_date"
                      END,
                      '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                      6
                    ),
                    ''
                  ) AS BIGINT) IS NULL
                )
                OR CAST(NULLIF(
                  REGEXP_EXTRACT(
                    CASE
                      WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                      THEN SUBSTRING(
                        "t14"."end_date",
                        CASE WHEN (
                          0 + 1
                        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                        4
                      ) || '-' || SUBSTRING(
                        "t14"."end_date",
                        CASE WHEN (
                          4 + 1
                        ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                        2
                      ) || '-' || SUBSTRING(
                        "t14"."end_date",
                        CASE WHEN (
                          6 + 1
                        ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                        2
                      )
                      ELSE "t14"."end_date"
                    END,
                    '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
                    6
                  ),
                  ''
                ) AS BIGINT) BETWEEN 0 AND 59
              )
            )
          ),
          FALSE
        )
        THEN MAKE_DATE(
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                THEN SUBSTRING(
                  "t14"."end_date",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                  4
                ) || '-' || SUBSTRING(
                  "t14"."end_date",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                  2
                ) || '-' || SUBSTRING(
                  "t14"."end_date",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                  2
                )
                ELSE "t14"."end_date"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              1
            ),
            ''
          ) AS BIGINT),
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                THEN SUBSTRING(
                  "t14"."end_date",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                  4
                ) || '-' || SUBSTRING(
                  "t14"."end_date",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                  2
                ) || '-' || SUBSTRING(
                  "t14"."end_date",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                  2
                )
                ELSE "t14"."end_date"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              2
            ),
            ''
          ) AS BIGINT),
          CAST(NULLIF(
            REGEXP_EXTRACT(
              CASE
                WHEN REGEXP_FULL_MATCH("t14"."end_date", '[0-9]{8}')
                THEN SUBSTRING(
                  "t14"."end_date",
                  CASE WHEN (
                    0 + 1
                  ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t14"."end_date") END,
                  4
                ) || '-' || SUBSTRING(
                  "t14"."end_date",
                  CASE WHEN (
                    4 + 1
                  ) >= 1 THEN 4 + 1 ELSE 4 + 1 + LENGTH("t14"."end_date") END,
                  2
                ) || '-' || SUBSTRING(
                  "t14"."end_date",
                  CASE WHEN (
                    6 + 1
                  ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t14"."end_date") END,
                  2
                )
                ELSE "t14"."end_date"
              END,
              '^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:\.0{1,6})?)?)?\z',
              3
            ),
            ''
          ) AS BIGINT)
        )
        ELSE CAST(NULL AS DATE)
      END
    END AS TINYINT) AS "__q9"
  FROM (
    SELECT
      "t13"."xm",
      "t13"."sfzh",
      "t13"."mz",
      "t13"."xzqh",
      "t13"."csrq",
      "t13"."xb",
      "t13"."yhkh",
      "t13"."age",
      "t13"."start_date",
      "t13"."end_date",
      "t13"."__lk0",
      "t13"."__lk1",
      "t13"."__lk2",
      "t13"."__d_sfzh:id:null",
      "t13"."__d_sfzh:id:shape",
      "t13"."__d_sfzh:id:area_text",
      "t13"."__d_sfzh:id:area",
      "t13"."__d_sfzh:id:birth",
      "t13"."__d_sfzh:id:seq",
      "t13"."__d_sfzh:id:last",
      "t13"."__d_sfzh:id:shape15",
      "t13"."__d_sfzh:id:birth15_date",
      "t13"."__d_sfzh:id:birth_ok",
      "t13"."__d_yhkh:luhn16-19:null",
      "t13"."__d_yhkh:luhn16-19:shape",
      "t13"."__d_yhkh:luhn16-19:lo",
      "t13"."__d_yhkh:luhn16-19:hi",
      "t13"."__d_yhkh:luhn16-19:lo" % 10 AS "__d_yhkh:luhn16-19:digit:d0",
      CAST(FLOOR((
        "t13"."__d_yhkh:luhn16-19:lo"
      ) / (
        10
      )) AS BIGINT) % 10 AS "__d_yhkh:luhn16-19:digit:d1",
      CAST(FLOOR((
        "t13"."__d_yhkh:luhn16-19:lo"
      ) / (
        100
      )) AS BIGINT) % 10 AS "__d_yhkh:luhn16-19:digit:d2",
      CAST(FLOOR((
        "t13"."__d_yhkh:luhn16-19:lo"
      ) / (
        1000
      )) AS BIGINT) % 10 AS "__d_yhkh:luhn16-19:digit:d3",
      CAST(FLOOR((
        "t13"."__d_yhkh:luhn16-19:lo"
      ) / (
        10000
      )) AS BIGINT) % 10 AS "__d_yhkh:luhn16-19:digit:d4",
      CAST(FLOOR((
        "t13"."__d_yhkh:luhn16-19:lo"
      ) / (
        100000
      )) AS BIGINT) % 10 AS "__d_yhkh:luhn16-19:digit:d5",
      CAST(FLOOR((
        "t13"."__d_yhkh:luhn16-19:lo"
      ) / (
        1000000
      )) AS BIGINT) % 10 AS "__d_yhkh:luhn16-19:digit:d6",
      CAST(FLOOR((
        "t13"."__d_yhkh:luhn16-19:lo"
      ) / (
        10000000
      )) AS BIGINT) % 10 AS "__d_yhkh:luhn16-19:digit:d7",
      CAST(FLOOR((
        "t13"."__d_yhkh:luhn16-19:lo"
      ) / (
        100000000
      )) AS BIGINT) % 10 AS "__d_yhkh:luhn16-19:digit:d8",
      COALESCE("t13"."__d_yhkh:luhn16-19:hi", 0) % 10 AS "__d_yhkh:luhn16-19:digit:d9",
      CAST(FLOOR((
        COALESCE("t13"."__d_yhkh:luhn16-19:hi", 0)
      ) / (
        10
      )) AS BIGINT) % 10 AS "__d_yhkh:luhn16-19:digit:d10",
      CAST(FLOOR((
        COALESCE("t13"."__d_yhkh:luhn16-19:hi", 0)
      ) / (
        100
      )) AS BIGINT) % 10 AS "__d_yhkh:luhn16-19:digit:d11",
      CAST(FLOOR((
        COALESCE("t13"."__d_yhkh:luhn16-19:hi", 0)
      ) / (
        1000
      )) AS BIGINT) % 10 AS "__d_yhkh:luhn16-19:digit:d12",
      CAST(FLOOR((
        COALESCE("t13"."__d_yhkh:luhn16-19:hi", 0)
      ) / (
        10000
      )) AS BIGINT) % 10 AS "__d_yhkh:luhn16-19:digit:d13",
      CAST(FLOOR((
        COALESCE("t13"."__d_yhkh:luhn16-19:hi", 0)
      ) / (
        100000
      )) AS BIGINT) % 10 AS "__d_yhkh:luhn16-19:digit:d14",
      CAST(FLOOR((
        COALESCE("t13"."__d_yhkh:luhn16-19:hi", 0)
      ) / (
        1000000
      )) AS BIGINT) % 10 AS "__d_yhkh:luhn16-19:digit:d15",
      CAST(FLOOR((
        COALESCE("t13"."__d_yhkh:luhn16-19:hi", 0)
      ) / (
        10000000
      )) AS BIGINT) % 10 AS "__d_yhkh:luhn16-19:digit:d16",
      CAST(FLOOR((
        COALESCE("t13"."__d_yhkh:luhn16-19:hi", 0)
      ) / (
        100000000
      )) AS BIGINT) % 10 AS "__d_yhkh:luhn16-19:digit:d17",
      CAST(FLOOR((
        COALESCE("t13"."__d_yhkh:luhn16-19:hi", 0)
      ) / (
        1000000000
      )) AS BIGINT) % 10 AS "__d_yhkh:luhn16-19:digit:d18",
      CASE
        WHEN REGEXP_FULL_MATCH("t13"."age", '[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?')
        THEN TRY_CAST("t13"."age" AS DOUBLE)
        ELSE CAST(NULL AS DOUBLE)
      END AS "__d_age:number:n",
      REGEXP_FULL_MATCH(
        "t13"."start_date",
        '(1[89][0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])( ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9])?'
      ) AS "__d_start_date:time:iso:iso",
      TRY_CAST(SUBSTRING(
        "t13"."start_date",
        CASE WHEN (
          0 + 1
        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t13"."start_date") END,
        10
      ) AS DATE) AS "__d_start_date:time:iso:date",
      REGEXP_FULL_MATCH(
        "t13"."end_date",
        '(1[89][0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])( ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9])?'
      ) AS "__d_end_date:time:iso:iso",
      TRY_CAST(SUBSTRING(
        "t13"."end_date",
        CASE WHEN (
          0 + 1
        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t13"."end_date") END,
        10
      ) AS DATE) AS "__d_end_date:time:iso:date"
    FROM (
      SELECT
        "t12"."xm",
        "t12"."sfzh",
        "t12"."mz",
        "t12"."xzqh",
        "t12"."csrq",
        "t12"."xb",
        "t12"."yhkh",
        "t12"."age",
        "t12"."start_date",
        "t12"."end_date",
        "t12"."__lk0",
        "t12"."__lk1",
        "t12"."__lk2",
        "t12"."__d_sfzh:id:null",
        "t12"."__d_sfzh:id:shape",
        "t12"."__d_sfzh:id:area_text",
        "t12"."__d_sfzh:id:area",
        "t12"."__d_sfzh:id:birth",
        "t12"."__d_sfzh:id:seq",
        "t12"."__d_sfzh:id:last",
        "t12"."__d_sfzh:id:shape15",
        "t12"."__d_sfzh:id:birth15_date",
        (
          "t12"."__d_sfzh:id:birth" >= 18000000
        )
        AND "t12"."__d_sfzh:id:birth" % 10000 BETWEEN 101 AND 1231
        AND (
          "t12"."__d_sfzh:id:birth" % 10000
        ) % 100 BETWEEN 1 AND 31
        AND (
          (
            (
              "t12"."__d_sfzh:id:birth" % 10000
            ) < 229
          )
          OR (
            (
              "t12"."__d_sfzh:id:birth" % 10000
            ) > 231
          )
          OR (
            (
              (
                "t12"."__d_sfzh:id:birth" % 10000
              ) = 229
            )
            AND (
              (
                (
                  (
                    "t12"."__d_sfzh:id:birth" % 40000
                  ) < 10000
                )
                AND (
                  (
                    "t12"."__d_sfzh:id:birth" % 1000000
                  ) >= 10000
                )
              )
              OR (
                (
                  "t12"."__d_sfzh:id:birth" % 4000000
                ) < 10000
              )
            )
          )
        )
        AND (
          (
            "t12"."__d_sfzh:id:birth" % 10000
          ) <> 431
        )
        AND (
          (
            "t12"."__d_sfzh:id:birth" % 10000
          ) <> 631
        )
        AND (
          (
            "t12"."__d_sfzh:id:birth" % 10000
          ) <> 931
        )
        AND (
          (
            "t12"."__d_sfzh:id:birth" % 10000
          ) <> 1131
        ) AS "__d_sfzh:id:birth_ok",
        "t12"."yhkh" IS NULL AS "__d_yhkh:luhn16-19:null",
        REGEXP_FULL_MATCH("t12"."yhkh", '[0-9]{16,19}') AS "__d_yhkh:luhn16-19:shape",
        TRY_CAST(RIGHT("t12"."yhkh", 9) AS BIGINT) AS "__d_yhkh:luhn16-19:lo",
        TRY_CAST(CASE
          WHEN LENGTH("t12"."yhkh") > 9
          THEN SUBSTRING(
            "t12"."yhkh",
            CASE WHEN (
              0 + 1
            ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t12"."yhkh") END,
            LENGTH("t12"."yhkh") - 9
          )
          ELSE CAST(NULL AS TEXT)
        END AS BIGINT) AS "__d_yhkh:luhn16-19:hi"
      FROM (
        SELECT
          "t11"."xm",
          "t11"."sfzh",
          "t11"."mz",
          "t11"."xzqh",
          "t11"."csrq",
          "t11"."xb",
          "t11"."yhkh",
          "t11"."age",
          "t11"."start_date",
          "t11"."end_date",
          "t11"."__lk0",
          "t11"."__lk1",
          "t11"."__lk2",
          "t11"."sfzh" IS NULL AS "__d_sfzh:id:null",
          REGEXP_FULL_MATCH("t11"."sfzh", '[0-9]{17}[0-9X]') AS "__d_sfzh:id:shape",
          SUBSTRING(
            "t11"."sfzh",
            CASE WHEN (
              0 + 1
            ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t11"."sfzh") END,
            6
          ) AS "__d_sfzh:id:area_text",
          TRY_CAST(SUBSTRING(
            "t11"."sfzh",
            CASE WHEN (
              0 + 1
            ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t11"."sfzh") END,
            6
          ) AS BIGINT) AS "__d_sfzh:id:area",
          TRY_CAST(SUBSTRING(
            "t11"."sfzh",
            CASE WHEN (
              6 + 1
            ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t11"."sfzh") END,
            8
          ) AS BIGINT) AS "__d_sfzh:id:birth",
          TRY_CAST(SUBSTRING(
            "t11"."sfzh",
            CASE WHEN (
              14 + 1
            ) >= 1 THEN 14 + 1 ELSE 14 + 1 + LENGTH("t11"."sfzh") END,
            3
          ) AS BIGINT) AS "__d_sfzh:id:seq",
          SUBSTRING(
            "t11"."sfzh",
            CASE WHEN (
              17 + 1
            ) >= 1 THEN 17 + 1 ELSE 17 + 1 + LENGTH("t11"."sfzh") END,
            1
          ) AS "__d_sfzh:id:last",
          CASE
            WHEN LENGTH("t11"."sfzh") = 15
            THEN REGEXP_FULL_MATCH("t11"."sfzh", '[0-9]{15}')
            ELSE FALSE
          END AS "__d_sfzh:id:shape15",
          CASE
            WHEN LENGTH("t11"."sfzh") = 15
            THEN CASE
              WHEN '19' || SUBSTRING(
                "t11"."sfzh",
                CASE WHEN (
                  6 + 1
                ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t11"."sfzh") END,
                2
              ) >= '1800'
              THEN TRY_CAST('19' || SUBSTRING(
                "t11"."sfzh",
                CASE WHEN (
                  6 + 1
                ) >= 1 THEN 6 + 1 ELSE 6 + 1 + LENGTH("t11"."sfzh") END,
                2
              ) || '-' || SUBSTRING(
                "t11"."sfzh",
                CASE WHEN (
                  8 + 1
                ) >= 1 THEN 8 + 1 ELSE 8 + 1 + LENGTH("t11"."sfzh") END,
                2
              ) || '-' || SUBSTRING(
                "t11"."sfzh",
                CASE WHEN (
                  10 + 1
                ) >= 1 THEN 10 + 1 ELSE 10 + 1 + LENGTH("t11"."sfzh") END,
                2
              ) AS DATE)
              ELSE CAST(NULL AS DATE)
            END
            ELSE CAST(NULL AS DATE)
          END AS "__d_sfzh:id:birth15_date"
        FROM (
          SELECT
            "t4"."xm",
            "t4"."sfzh",
            "t4"."mz",
            "t4"."xzqh",
            "t4"."csrq",
            "t4"."xb",
            "t4"."yhkh",
            "t4"."age",
            "t4"."start_date",
            "t4"."end_date",
            CASE
              WHEN SUBSTRING(
                "t4"."sfzh",
                CASE WHEN (
                  0 + 1
                ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t4"."sfzh") END,
                6
              ) IS NULL
              THEN CAST(NULL AS BOOLEAN)
              ELSE "t8"."__code0" IS NOT NULL
            END AS "__lk0",
            CASE
              WHEN "t4"."mz" IS NULL
              THEN CAST(NULL AS BOOLEAN)
              ELSE "t9"."__code1" IS NOT NULL
            END AS "__lk1",
            CASE
              WHEN "t4"."xzqh" IS NULL
              THEN CAST(NULL AS BOOLEAN)
              ELSE "t10"."__code2" IS NOT NULL
            END AS "__lk2"
          FROM "people" AS "t4"
          LEFT OUTER JOIN (
            SELECT
              "t1"."code" AS "__code0"
            FROM "code_table_0" AS "t1"
          ) AS "t8"
            ON SUBSTRING(
              "t4"."sfzh",
              CASE WHEN (
                0 + 1
              ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t4"."sfzh") END,
              6
            ) = "t8"."__code0"
          LEFT OUTER JOIN (
            SELECT
              "t2"."code" AS "__code1"
            FROM "code_table_1" AS "t2"
          ) AS "t9"
            ON "t4"."mz" = "t9"."__code1"
          LEFT OUTER JOIN (
            SELECT
              "t3"."code" AS "__code2"
            FROM "code_table_2" AS "t3"
          ) AS "t10"
            ON "t4"."xzqh" = "t10"."__code2"
        ) AS "t11"
      ) AS "t12"
    ) AS "t13"
  ) AS "t14"
) AS "t15"
