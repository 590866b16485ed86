// Data validation rules: the builder the add-on uses and the rule objects
// Range.getDataValidations() hands back. Rules are stored as plain data in
// the model; a VALUE_IN_RANGE rule refers to its source by sheet id.
import { SERVICE, type Emulated } from './bridge';
import type { ValidationCriteria, ValidationRule } from './model';
import type { Range } from './range';
import type { Spreadsheet } from './spreadsheet';

export class DataValidation implements Emulated {
  readonly [SERVICE] = 'DataValidation';

  constructor(private readonly spreadsheet: Spreadsheet, readonly rule: ValidationRule) {}

  getCriteriaType(): string {
    return this.rule.criteria.type;
  }

  getCriteriaValues(): unknown[] {
    const criteria = this.rule.criteria;
    switch (criteria.type) {
      case 'VALUE_IN_LIST':
        return [[...criteria.values], criteria.showDropdown];
      case 'VALUE_IN_RANGE':
        return [this.spreadsheet.rangeFor(criteria.source), criteria.showDropdown];
      case 'DATE_IS_VALID_DATE':
        return [];
    }
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  getHelpText(): string {
    return this.rule.helpText;
  }
}

export class DataValidationBuilder implements Emulated {
  readonly [SERVICE] = 'DataValidationBuilder';
  private criteria: ValidationCriteria | undefined;
  private allowInvalid = true;
  private helpText = '';

  constructor(private readonly spreadsheet: Spreadsheet) {}

  requireValueInList(values: unknown[], showDropdown = true): DataValidationBuilder {
    if (!Array.isArray(values)) throw new Error('The parameters don\'t match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.');
    this.criteria = { type: 'VALUE_IN_LIST', values: values.map(String), showDropdown: Boolean(showDropdown) };
    return this;
  }

  requireValueInRange(range: Range, showDropdown = true): DataValidationBuilder {
    this.criteria = { type: 'VALUE_IN_RANGE', source: { sheetId: range.sheet.model.id, ...range.rect }, showDropdown: Boolean(showDropdown) };
    return this;
  }

  requireDate(): DataValidationBuilder {
    this.criteria = { type: 'DATE_IS_VALID_DATE' };
    return this;
  }

  setAllowInvalid(allowInvalid: boolean): DataValidationBuilder {
    this.allowInvalid = Boolean(allowInvalid);
    return this;
  }

  setHelpText(helpText: string): DataValidationBuilder {
    this.helpText = String(helpText);
    return this;
  }

  build(): DataValidation {
    if (!this.criteria) throw new Error('You must specify a criteria type before building a data validation rule.');
    return new DataValidation(this.spreadsheet, { criteria: this.criteria, allowInvalid: this.allowInvalid, helpText: this.helpText });
  }
}
