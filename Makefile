# The two commands of the README: `make run` and `make test`.
PY := .venv/bin/python
export RASA_TELEMETRY_ENABLED := false
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

.PHONY: run run-stack test setup db model lint unit validate stories e2e bench eval eval-sets shell clean

## Install everything, build the knowledge base, train if needed, start the servers and the chat page.
run: setup db model
	$(PY) -m bot run

## Lint, unit and action tests, Rasa data validation, conversation tests, browser and reliability tests.
test: setup db model
	$(PY) -m ruff check .
	$(PY) -m pytest -q -m "not servers and not stack"
	.venv/bin/rasa data validate --fail-on-warnings
	.venv/bin/rasa test core --stories tests/ --model models/osce.tar.gz --fail-on-prediction-errors --out results/core
	$(PY) -m pytest -q -m servers
	$(PY) -m pytest -q -m stack

## PostgreSQL, Redis, OSCE_BOT_REPLICAS Rasa replicas (2), the action server and nginx, as local processes.
run-stack: setup db model
	$(PY) -m bot stack

setup:
	scripts/setup.sh

db:
	$(PY) -m bot build-db

model:
	$(PY) -m bot train

## Speed, memory and accuracy figures (writes bench/results.md).
bench: setup db model
	$(PY) -m bench

## Score the assistant on every question set (starts one when none runs on :5005).
EVAL_SETS := eval/dev/questions.yml eval/dev/questions2.yml eval/paragraphs.yml eval/conversations.yml \
             eval/conversations_heldout.yml eval/conversations_heldout2.yml eval/conversations_heldout3.yml \
             eval/conversations_heldout4.yml eval/conversations_heldout5.yml eval/conversations_heldout6.yml \
             eval/conversations_heldout7.yml eval/conversations_heldout8.yml eval/conversations_heldout9.yml \
             eval/conversations_heldout10.yml eval/conversations_heldout11.yml eval/conversations_heldout12.yml \
             eval/conversations_heldout13.yml \
             eval/heldout.yml
eval: setup db model eval-sets
	$(PY) -m bot eval $(EVAL_SETS) --show-failures

## Refresh the copies of the development sets when ../shared/eval is beside the project.
eval-sets:
	@if [ -d ../shared/eval ]; then cp -u ../shared/eval/questions.yml ../shared/eval/questions2.yml eval/dev/; fi

shell: setup db model
	.venv/bin/rasa shell -m models/osce.tar.gz

clean:
	rm -rf var models results
